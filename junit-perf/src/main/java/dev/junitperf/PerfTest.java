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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Make the annotated method a performance test: warm it up, then measure it repeatedly.
 *
 * <p>{@code @PerfTest} alone makes the method a test: it is meta-annotated with {@link Test},
 * {@code @Tag("perf")} and the extension. When JUnit parallel execution is enabled, perf tests take
 * the global resource lock in {@code READ_WRITE} mode, so nothing else runs next to them.
 *
 * <p>Every attribute left at {@link #UNSET} falls back to the configuration parameter
 * {@code junitperf.default.<attribute>} and then to the documented default; see
 * {@code docs/perf-test.md}. The defaults (300 ms warmup, 700 ms measurement) make a bare
 * {@code @PerfTest} on a microsecond body finish in about a second.
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} methods run once around the whole measurement, not
 * around each invocation. Declare a {@link PerfContext} parameter to keep per-invocation set-up out
 * of the timed region and to sink results.
 *
 * <p>For a {@code @ParameterizedTest} or any other test template use {@link PerfSweep} instead:
 * JUnit rejects {@code @Test} together with {@code @ParameterizedTest} on one method.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("perf")
@ExtendWith(PerfExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = READ_WRITE)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PerfTest {

    /** The value of an attribute that was not set: use the configuration parameter or the default. */
    int UNSET = Integer.MIN_VALUE;

    /** Invocations per thread to run before measuring; default 0 (warmup is then time-based). */
    int warmupIterations() default UNSET;

    /** Minimum warmup time in milliseconds; default 300. Warmup lasts until both warmup limits are met. */
    long warmupMs() default UNSET;

    /** Measured invocations in total over all threads; mutually exclusive with {@link #durationMs()}. */
    int iterations() default UNSET;

    /** Measure for this many milliseconds instead of a fixed count; default 700 when neither is set. */
    long durationMs() default UNSET;

    /** Concurrent callers; default 1. */
    int threads() default UNSET;

    /**
     * Invocations per second over all threads for an open-loop test; 0 (the default) is a closed loop.
     *
     * <p>In an open loop, latency is measured from each invocation's <em>intended</em> start time, so
     * a stall is charged to every invocation it delays (coordinated omission corrected); the raw,
     * uncorrected figures are reported next to them.
     */
    double ratePerSec() default UNSET;

    /** Stop and fail the test when warmup plus measurement take longer than this; default 300,000 ms. */
    long timeoutMs() default UNSET;

    /**
     * The clock latencies are measured and judged with; default {@link PerfClock#WALL}.
     *
     * <p>The configuration parameter {@code junitperf.clock} overrides it for every perf test of a build;
     * {@code junitperf.default.clock} sets it for tests that leave it at {@link PerfClock#DEFAULT}.
     */
    PerfClock clock() default PerfClock.DEFAULT;
}
