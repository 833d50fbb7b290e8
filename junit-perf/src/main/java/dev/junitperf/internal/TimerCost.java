package dev.junitperf.internal;

import org.HdrHistogram.Histogram;

/**
 * Measure, once per JVM, what one timing costs: two {@code System.nanoTime()} reads and one record.
 *
 * <p>The batch size for short bodies is derived from it, so that timing costs at most about 5 % of
 * the measured time.
 */
final class TimerCost {

    private static final int ROUNDS = 5;
    private static final int TIMINGS_PER_ROUND = 20_000;
    private static volatile long nanosPerTiming = -1;

    private TimerCost() {
    }

    static long nanosPerTiming() {
        long cost = nanosPerTiming;
        if (cost < 0) {
            cost = measure();
            nanosPerTiming = cost;
        }
        return cost;
    }

    private static long measure() {
        Histogram scratch = Sampler.newHistogram();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < TIMINGS_PER_ROUND; i++) {
                long t0 = System.nanoTime();
                long t1 = System.nanoTime();
                scratch.recordValue(t1 - t0);
            }
            best = Math.min(best, (System.nanoTime() - start) / TIMINGS_PER_ROUND);
        }
        return Math.max(1, best);
    }
}
