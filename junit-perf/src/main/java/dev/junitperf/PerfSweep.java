package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.parallel.ResourceAccessMode.READ_WRITE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Measure every invocation of the annotated test template, such as a {@code @ParameterizedTest}.
 *
 * <p>Each invocation (for example each parameter value of a sweep over N = 100, 1,000, 10,000) is
 * warmed up, measured and judged against its {@link Slo} separately, and reported under its own
 * display name. {@code @PerfSweep} does not make the method a test: combine it with
 * {@code @ParameterizedTest}, {@code @RepeatedTest} or another template annotation. For a plain
 * test use {@link PerfTest}. Like {@code @PerfTest}, it takes the global resource lock in
 * {@code READ_WRITE} mode so nothing else runs next to a measurement.
 *
 * <p>Every attribute left at {@link PerfTest#UNSET} falls back to the configuration parameter
 * {@code junitperf.default.<attribute>} and then to the documented default; see
 * {@code docs/perf-test.md}. The defaults (300 ms warmup, 700 ms measurement) make a bare
 * {@code @PerfTest} on a microsecond body finish in about a second.
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} methods run once around the whole measurement, not
 * around each invocation. Declare a {@link PerfContext} parameter to keep per-invocation set-up out
 * of the timed region and to sink results.
 *
 * <p>Attributes and their defaults are exactly those of {@link PerfTest}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("perf")
@ExtendWith(PerfExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = READ_WRITE)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PerfSweep {

    /** Invocations per thread to run before measuring; default 0 (warmup is then time-based). */
    int warmupIterations() default PerfTest.UNSET;

    /** Minimum warmup time in milliseconds; default 300. Warmup lasts until both warmup limits are met. */
    long warmupMs() default PerfTest.UNSET;

    /** Measured invocations in total over all threads; mutually exclusive with {@link #durationMs()}. */
    int iterations() default PerfTest.UNSET;

    /** Measure for this many milliseconds instead of a fixed count; default 700 when neither is set. */
    long durationMs() default PerfTest.UNSET;

    /** Concurrent callers; default 1. */
    int threads() default PerfTest.UNSET;

    /**
     * Invocations per second over all threads for an open-loop test; 0 (the default) is a closed loop.
     *
     * <p>In an open loop, latency is measured from each invocation's <em>intended</em> start time, so
     * a stall is charged to every invocation it delays (coordinated omission corrected); the raw,
     * uncorrected figures are reported next to them.
     */
    double ratePerSec() default PerfTest.UNSET;

    /** Stop and fail the test when warmup plus measurement take longer than this; default 300,000 ms. */
    long timeoutMs() default PerfTest.UNSET;

    /**
     * The clock latencies are measured and judged with; default {@link PerfClock#WALL}.
     *
     * <p>The configuration parameter {@code junitperf.clock} overrides it for every perf test of a build;
     * {@code junitperf.default.clock} sets it for tests that leave it at {@link PerfClock#DEFAULT}.
     */
    PerfClock clock() default PerfClock.DEFAULT;
}
