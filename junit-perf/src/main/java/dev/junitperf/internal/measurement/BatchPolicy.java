package dev.junitperf.internal.measurement;

import dev.junitperf.internal.config.PerfSettings;

/**
 * Choose how many invocations one timing covers, so that timing costs at most about 5 % of it.
 *
 * <p>A timing costs {@code perTimingNanos} on the chosen clock (two {@code nanoTime} reads and a
 * histogram record on the wall clock; two CPU-time or schedstat reads on top of those on the others).
 * A body shorter than 20 such costs is timed in batches of {@code k} invocations and every batch mean
 * is recorded once per invocation. With a fixed iteration count the batch is capped so that at least
 * {@code minTimings} timings remain, enough for every stated percentile objective.
 */
final class BatchPolicy {

    /** Upper bound on invocations per timing. */
    static final int MAX_BATCH = 1_000;
    /** Timing may cost at most 1/20 of the measured time. */
    static final int OVERHEAD_FACTOR = 20;

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
