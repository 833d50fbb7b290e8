package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Choose what a perf test's latency is measured with, and so what its objectives are judged on.
 *
 * <p>Wall-clock tails on a shared machine move tenfold with a busy neighbour; a thread's CPU time and
 * its wall time minus the time it spent waiting for a CPU do not. Every run records wall time as well,
 * so the wall figures are reported next to the judged ones whatever the clock. See
 * {@code docs/clocks-and-noise.md} for what each clock leaves out.
 *
 * <p>The clock of every perf test in a build can be switched at once with the configuration parameter
 * {@code junitperf.clock} (it overrides the annotations); {@code junitperf.default.clock} only sets the
 * clock of tests that leave it at {@link #DEFAULT}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PerfClock {

    /** Use {@code junitperf.default.clock}, else {@link #WALL}. */
    DEFAULT("default"),

    /** Elapsed wall-clock time ({@code System.nanoTime()}): everything, including time other processes took. */
    WALL("wall"),

    /**
     * The measuring thread's own CPU time: immune to other processes, but blind to time spent blocked
     * (locks, I/O, GC pauses, waiting for other threads) and to work handed to other threads.
     */
    CPU("cpu"),

    /**
     * Wall time minus the time the measuring thread spent runnable but waiting for a CPU (Linux
     * {@code /proc/thread-self/schedstat}): keeps blocking, lock waits, I/O and GC pauses, removes only
     * the time other processes kept this thread off the CPU.
     */
    WALL_MINUS_RUNQUEUE("wall-minus-runqueue");

    private final String configValue;

    PerfClock(String configValue) {
        this.configValue = configValue;
    }

    /** Return the name used in configuration parameters and reports, e.g. {@code wall-minus-runqueue}. */
    public String configValue() {
        return configValue;
    }
}
