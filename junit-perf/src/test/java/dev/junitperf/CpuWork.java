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

    private static long calibrate() {
        long units = 10_000;
        while (cpuNanos(units) < 20_000_000) {
            units *= 2;
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            best = Math.min(best, cpuNanos(units));
        }
        return (long) (units * 1e6 / best);
    }

    private static long cpuNanos(long units) {
        long start = THREADS.getCurrentThreadCpuTime();
        run(units);
        return Math.max(1, THREADS.getCurrentThreadCpuTime() - start);
    }
}
