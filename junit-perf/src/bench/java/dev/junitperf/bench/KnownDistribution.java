package dev.junitperf.bench;

import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

/**
 * Spin for a known mix of durations and keep the truth the body measures about itself.
 *
 * <p>98 % of invocations spin 200 µs and 2 % spin 2 ms, drawn from a seeded {@link SplittableRandom}.
 * The body stores each measured span in a preallocated array, a store of a few nanoseconds, rather than
 * recording into a histogram inside a tool's timed region, where the histogram's cache misses would be
 * charged to the tool; {@link #truth()} builds the histogram afterwards. Only one measuring thread calls
 * {@link #spin()}; the main thread reads the truth after the tool has joined or latched on that thread.
 */
final class KnownDistribution {

    static final long FAST_NANOS = 200_000;
    static final long SLOW_NANOS = 2_000_000;
    private static final int SLOW_PERCENT = 2;

    private static volatile SplittableRandom random = new SplittableRandom(0);
    private static final int CAPACITY = 1 << 20;

    private static volatile long[] spans = new long[CAPACITY];
    private static int count;
    private static long lastNanos;

    private KnownDistribution() {
    }

    /** Start a new round: reseed the random sequence and empty the truth. */
    static void reset(long seed) {
        random = new SplittableRandom(seed);
        spans = new long[CAPACITY];
        count = 0;
    }

    /** Busy-spin once for a drawn duration and return the nanoseconds the body measured. */
    static long spin() {
        long spin = random.nextInt(100) < SLOW_PERCENT ? SLOW_NANOS : FAST_NANOS;
        long start = System.nanoTime();
        long end = start + spin;
        long now;
        do {
            now = System.nanoTime();
        } while (now < end);
        lastNanos = now - start;
        return lastNanos;
    }

    /** Keep one measured invocation's own duration for the truth. */
    static void recordTruth(long nanos) {
        spans[count++] = nanos;
    }

    /** Keep the duration of the invocation that just finished for the truth. */
    static void recordLastIntoTruth() {
        spans[count++] = lastNanos;
    }

    /** Build the truth of the current round. */
    static Histogram truth() {
        // 4 significant digits: buckets of 16 ns at 200 µs and 128 ns at 2 ms, finer than the tools' own (3 digits).
        Histogram truth = new Histogram(10_000_000_000L, 4);
        long[] kept = spans;
        for (int i = 0; i < count; i++) {
            truth.recordValue(kept[i]);
        }
        return truth;
    }
}
