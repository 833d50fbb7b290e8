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
 * Bound how long latency takes to recover after a phase of the test's {@link LoadProfile} ends.
 *
 * <p>The recovery time is measured from the end of phase {@link #after()} to the start of the first window of
 * {@link #windowMs()} whose {@link #percentile()} is back within {@link #factor()} times that percentile of the
 * {@link #baseline()} phase (by default the phase before {@code after}): from then on, latency stayed normal for
 * a whole window. Windows start at the boundaries of the run's intervals after the phase (every 50 ms or more)
 * and hold the invocations that <em>completed</em> in them, so an invocation still queued from a burst completes
 * late and slow, and holds recovery back. A run that never recovers breaches the objective with the time it had;
 * the profile must leave at least {@code maxRecoveryMs + windowMs} after the phase, so that a breach is a breach.
 *
 * <pre>{@code
 * @RecoverySlo(after = "burst", maxRecoveryMs = 2_000)             // p99 back within 2x of "base" in 2 s
 * @RecoverySlo(after = "burst", maxRecoveryMs = 500, percentile = 50, factor = 1.5)
 * }</pre>
 *
 * <p>{@code maxRecoveryMs} is multiplied by {@code junitperf.slo.scale} like every time budget.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(RecoverySlo.List.class)
@ExtendWith(PerfExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface RecoverySlo {

    /** The phase whose end starts the recovery clock, e.g. a burst. */
    String after();

    /** The longest recovery allowed, in milliseconds. */
    double maxRecoveryMs();

    /** The percentile that must recover, greater than 0 and less than 100. */
    double percentile() default 99;

    /** How close to the baseline counts as recovered: within this many times its percentile; at least 1. */
    double factor() default 2;

    /** The phase whose percentile is the normal to return to; default the phase before {@link #after()}. */
    String baseline() default "";

    /** The window that must be back to normal, in milliseconds; at least 1 (a window holds at least one interval). */
    long windowMs() default 500;

    /** Hold several {@link RecoverySlo}s; written by the compiler when the annotation is repeated. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ExtendWith(PerfExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {

        /** The repeated objectives. */
        RecoverySlo[] value();
    }
}
