package dev.junitperf;

import java.util.ArrayList;
import java.util.List;

/**
 * Keep {@code n} threads of this JVM busy, competing with the measuring threads for the CPU, until closed.
 *
 * <p>The in-process stand-in for a noisy neighbour: the kernel schedules them like any other process's
 * threads, so the measuring thread waits on the run queue exactly as it would beside two CPU-bound jobs.
 */
final class CpuHogs implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long sink;

    private CpuHogs(int n) {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::spin, "cpu-hog-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /**
     * Start one hog more than there are cores, so every core has a hog queued behind whatever runs on it.
     *
     * <p>With only as many hogs as cores beside one measuring thread, the scheduler may leave that thread alone
     * on a core for a whole short run while the hogs share the other: the neighbour would not be felt.
     */
    static CpuHogs saturating() {
        return new CpuHogs(Runtime.getRuntime().availableProcessors() + 1);
    }

    private void spin() {
        long x = 1;
        while (running) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + i;
            }
            sink = x;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
    }
}
