package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * State the service-level objectives a {@link PerfTest} or {@link PerfSweep} must meet.
 *
 * <p>On a class, {@code @Slo} is the default for every perf test in it; an {@code @Slo} on a method
 * overrides it attribute by attribute. Latency budgets are in milliseconds and may be fractional
 * ({@code p99Ms = 0.05} is 50 µs). Attributes left at {@link #UNSET} state no objective, except
 * {@link #maxErrorRate()}, which defaults to 0: any failed invocation fails the test.
 *
 * <p>A percentile objective needs enough samples to be judged: at least 5 for {@code p50Ms}, 29 for
 * {@code p90Ms}, 299 for {@code p99Ms} and 2,995 for {@code p999Ms} (the smallest n for which the
 * largest sample is a 95 % upper confidence bound of that percentile). With a fixed iteration count
 * below that, the test is rejected before it runs; with a time-based measurement that collects too
 * few samples, the verdict is INCONCLUSIVE and the test fails, saying how many samples are needed.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PerfExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Slo {

    /** The value of an attribute that was not set. */
    double UNSET = Double.NEGATIVE_INFINITY;

    /** Budget for the median latency, in milliseconds. */
    double p50Ms() default UNSET;

    /** Budget for the 90th percentile latency, in milliseconds. */
    double p90Ms() default UNSET;

    /** Budget for the 99th percentile latency, in milliseconds. */
    double p99Ms() default UNSET;

    /** Budget for the 99.9th percentile latency, in milliseconds. */
    double p999Ms() default UNSET;

    /** Budget for the largest observed latency, in milliseconds. */
    double maxMs() default UNSET;

    /** Budget for the mean latency, in milliseconds. */
    double meanMs() default UNSET;

    /** Minimum throughput in successful invocations per second over all threads. */
    double minThroughputPerSec() default UNSET;

    /** Largest allowed fraction of failed invocations, from 0 to 1; default 0. */
    double maxErrorRate() default UNSET;

    /**
     * Percentage by which p50, p99 or the mean may significantly exceed the baseline before a warning
     * is reported; default {@code junitperf.regression.warn} (5). Only used with {@code junitperf.baseline}.
     */
    double regressionWarnPct() default UNSET;

    /**
     * Percentage by which p50, p99 or the mean may significantly exceed the baseline before the test
     * fails; default {@code junitperf.regression.fail} (10). Only used with {@code junitperf.baseline}.
     */
    double regressionFailPct() default UNSET;

    /**
     * Name a reference method in the same class that this body must beat, measured interleaved in the same run.
     *
     * <p>The reference takes no parameters, only a {@link PerfContext}, or the same parameters as the
     * test. Test and reference run in ABBA order (test, reference, reference, test; each round with half
     * the iterations or duration and its own warmup), so drift of a shared machine hits both alike, and the
     * objective is judged on the ratio of their medians: {@code reference p50 / test p50 >= byFactor}.
     */
    String fasterThan() default "";

    /** The factor by which the body must be faster than {@link #fasterThan()}; default 1 (at least as fast). */
    double byFactor() default UNSET;
}
