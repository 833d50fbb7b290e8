package dev.junitperf.internal.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Remember worker threads that outlived their timeout, so later measurements can say they ran beside them.
 *
 * <p>A body that ignores interruption keeps its thread spinning after its test failed; every later
 * perf test in that JVM then shares the CPU with it. Their results carry a note naming the survivors
 * (and the noise meter sees the CPU they take).
 */
final class StuckWorkers {

    private static final ConcurrentLinkedQueue<Thread> SURVIVORS = new ConcurrentLinkedQueue<>();

    private StuckWorkers() {
    }

    static void remember(Thread worker) {
        SURVIVORS.add(worker);
    }

    /** Return the names of remembered workers that are still alive, forgetting those that ended. */
    static List<String> stillRunning() {
        SURVIVORS.removeIf(t -> !t.isAlive());
        List<String> names = new ArrayList<>();
        SURVIVORS.forEach(t -> names.add(t.getName()));
        return names;
    }
}
