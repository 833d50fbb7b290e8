package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * State the objectives of one phase of the test's {@link LoadProfile}; repeat it for other phases.
 *
 * <p>A phase's figures are those of the invocations intended to start in it, from their intended start
 * (coordinated omission corrected). Latency budgets are in milliseconds, multiplied by
 * {@code junitperf.slo.scale} like those of {@link Slo}, and need as many samples in the phase as
 * {@code @Slo} needs in a run (299 for {@code p99Ms}); a phase with fewer is INCONCLUSIVE.
 *
 * <p>{@link #comparedTo()} with {@link #maxSlowdownPct()} judges degradation in the same run: this phase's
 * median may exceed the named phase's by at most that percentage, e.g. the last window of a sustained run
 * against its first.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(PhaseSlo.List.class)
@ExtendWith(PerfExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface PhaseSlo {

    /** The value of an attribute that was not set. */
    double UNSET = Double.NEGATIVE_INFINITY;

    /** The name of the phase these objectives are for. */
    String phase();

    /** Budget for the phase's median latency, in milliseconds. */
    double p50Ms() default UNSET;

    /** Budget for the phase's 90th percentile latency, in milliseconds. */
    double p90Ms() default UNSET;

    /** Budget for the phase's 99th percentile latency, in milliseconds. */
    double p99Ms() default UNSET;

    /** Budget for the phase's 99.9th percentile latency, in milliseconds. */
    double p999Ms() default UNSET;

    /** Budget for the phase's largest latency, in milliseconds. */
    double maxMs() default UNSET;

    /** Another phase whose median this phase's must not exceed by more than {@link #maxSlowdownPct()}. */
    String comparedTo() default "";

    /** How much slower than {@link #comparedTo()} this phase's median may be, in percent; needs {@code comparedTo}. */
    double maxSlowdownPct() default UNSET;

    /** Hold several {@link PhaseSlo}s; written by the compiler when the annotation is repeated. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ExtendWith(PerfExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {

        /** The repeated objectives. */
        PhaseSlo[] value();
    }
}
