package dev.junitperf.internal.measurement;

import dev.junitperf.internal.config.PerfSettings;

/**
 * Choose how many invocations one timing covers, so that timing costs at most about 5 % of it.
 *
 * <p>A timing costs {@code perTimingNanos} on the chosen clock (two {@code nanoTime} reads and a
 * histogram record on the wall clock; two CPU-time or schedstat reads on top of those on the others).
 * A body shorter than 20 such costs is timed in batches of {@code k} invocations and every batch mean
 * is recorded once per invocation. A batched timing also lasts at least {@link #MIN_BATCHED_TIMING_NANOS}.
 *
 * <p>Design notes: a timing costs a body more than the calibration of an empty timing shows. The clock read
 * waits for the work in flight, so consecutive invocations stop overlapping at every timing's ends; and the
 * timing's own bookkeeping (the histogram, the sums) touches memory that a body which misses the caches has
 * just evicted. Neither happens with an empty body, so neither is subtracted. Both are a fixed cost per
 * timing, so only a longer timing makes them small. Measured on a ~80 ns {@code HashMap} lookup over several
 * MiB, against one long window on the same JVM: clock reads every 20 invocations read 1.27×, every 50 1.14×,
 * every 200 1.08×, every 1,000 1.01×; a ~30 ns {@code Math.log} read 1.14× at 20 and 1.03× at 50. Through
 * {@code @PerfTest}, beside JMH's AverageTime in the same minutes, the lookup read 1.54–1.84× with batches of
 * 14–29 (the timer rule alone), 1.26–1.40× with batches of 104–282 (20 µs timings) and 1.08× with 355–695
 * (50 µs). With a fixed iteration count the batch is capped so that at least {@code minTimings} timings
 * remain, enough for every stated percentile objective; the cap wins over the 50 µs.
 */
final class BatchPolicy {

    /** Upper bound on invocations per timing. */
    static final int MAX_BATCH = 1_000;
    /** Timing may cost at most 1/20 of the measured time. */
    static final int OVERHEAD_FACTOR = 20;
    /** A batched timing covers at least this long, so the fixed cost a timing adds to a body stays near 2 % of it. */
    static final long MIN_BATCHED_TIMING_NANOS = 50_000;

    private BatchPolicy() {
    }

    /** Return the largest batch the settings allow: 1 without batching or in an open loop. */
    static int cap(PerfSettings settings) {
        if (!settings.batching() || settings.openLoop()) {
            return 1;
        }
        if (settings.fixedCount()) {
            return (int) Math.max(1, Math.min(MAX_BATCH, settings.iterations() / settings.minTimings()));
        }
        return MAX_BATCH;
    }

    /** Return the batch for a body of {@code bodyNanos} per invocation, at most {@code cap}. */
    static int choose(double bodyNanos, double perTimingNanos, int cap) {
        int forTimer = forTimerShare(bodyNanos, perTimingNanos, cap);
        if (forTimer <= 1) {
            return forTimer;
        }
        double length = Math.ceil(MIN_BATCHED_TIMING_NANOS / Math.max(bodyNanos, 0.01));
        return (int) Math.min(cap, Math.min(MAX_BATCH, Math.max(forTimer, length)));
    }

    /** Return the smallest batch (at most {@code cap}) whose timer cost stays under 1/20 of a timing: the timer rule alone. */
    static int forTimerShare(double bodyNanos, double perTimingNanos, int cap) {
        if (cap <= 1 || bodyNanos >= OVERHEAD_FACTOR * perTimingNanos) {
            return 1;
        }
        double k = Math.ceil(OVERHEAD_FACTOR * perTimingNanos / Math.max(bodyNanos, 0.01));
        return (int) Math.min(cap, Math.min(MAX_BATCH, k));
    }

    /** Report whether a newly chosen batch differs enough from the current one to switch (25 % hysteresis). */
    static boolean differs(int current, int next) {
        return next > current * 1.25 || next < current / 1.25;
    }
}
