package dev.junitperf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Do a fixed amount of CPU work, sized once per JVM by the thread's own CPU time so it means the same on any machine.
 *
 * <p>"0.19 ms of work" is measured in CPU time, which neither a faster machine nor a busy neighbour
 * changes much, so "eight times the work" stays eight times the work wherever the test runs.
 */
final class CpuWork {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long UNITS_PER_MS = calibrate();
    private static final long CALIBRATION_MILLIS = 300;
    private static volatile long sink;

    private CpuWork() {
    }

    /** Return how many work units take {@code millis} of CPU time on this machine. */
    static long unitsFor(double millis) {
        return Math.max(1, (long) (UNITS_PER_MS * millis));
    }

    /** Do {@code units} of work. */
    static void run(long units) {
        long x = units;
        for (long i = 0; i < units; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        sink = x;
    }

    /** Spin until this thread has used {@code nanos} of CPU time: exact on the CPU clock, whatever the JIT does. */
    static void spinCpu(long nanos) {
        long end = THREADS.getCurrentThreadCpuTime() + nanos;
        while (THREADS.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * Time the work the way bodies call it: many calls of a moderate size, so it is measured in its standard
     * C2 compilation. Timing a few long calls would measure on-stack-replacement code, which ran 1.7× slower
     * here and made "eight times the work" read as less than five. The fastest round of at least
     * {@value #CALIBRATION_MILLIS} ms of rounds is kept: on a busy machine the C2 compilation can arrive late,
     * and a figure taken from the C1 code before it made the work half its size (eight times the work read 0.82 ms).
     */
    private static long calibrate() {
        for (int i = 0; i < 20_000; i++) {
            run(1_000);
        }
        long best = Long.MAX_VALUE;
        long end = System.nanoTime() + CALIBRATION_MILLIS * 1_000_000;
        for (int round = 0; round < 5 || System.nanoTime() < end; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                run(10_000);
            }
            best = Math.min(best, Math.max(1, THREADS.getCurrentThreadCpuTime() - start));
        }
        return (long) (200 * 10_000 * 1e6 / best);
    }
}
