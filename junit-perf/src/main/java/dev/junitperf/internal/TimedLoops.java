package dev.junitperf.internal;

import org.HdrHistogram.Histogram;

/** Run the timed loops of one sampler; implemented by a hidden class per measuring thread. */
interface TimedLoops {

    /** Warm up for at least {@code minIterations} and until {@code untilNanos}, timing each call into {@code calibration}. */
    void warmup(Sampler s, long minIterations, long untilNanos, Histogram calibration);

    /** Measure exactly {@code count} invocations in timings of {@code batch} (fewer only if stopped). */
    void measureCount(Sampler s, long count, int batch);

    /** Measure until {@code deadlineNanos} in timings of {@code batch}. */
    void measureUntil(Sampler s, long deadlineNanos, int batch);

    /** Measure an open loop; see {@link Sampler#measureOpenLoop}. */
    void measureOpenLoop(Sampler s, long count, long deadlineNanos, long firstIntended, double periodNanos);
}
