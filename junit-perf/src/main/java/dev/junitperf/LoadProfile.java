package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drive a {@link PerfTest} or {@link PerfSweep} with an open-loop schedule made of phases, one after another.
 *
 * <pre>{@code
 * @PerfTest
 * @LoadProfile({
 *     @Phase(name = "base", ratePerSec = 500, durationMs = 2_000),
 *     @Phase(name = "burst", ratePerSec = 5_000, durationMs = 1_000),
 *     @Phase(name = "after", ratePerSec = 500, durationMs = 3_000)})
 * @PhaseSlo(phase = "burst", p99Ms = 50)
 * @RecoverySlo(after = "burst", maxRecoveryMs = 1_000)
 * void ask(PerfContext ctx) { ... }
 * }</pre>
 *
 * <p>A {@link Phase} has a constant rate ({@code ratePerSec}) or ramps linearly ({@code fromPerSec} to
 * {@code toPerSec}); a step is two constant phases in a row, a burst a short high phase between two lower
 * ones. The invocations are started on that schedule over all {@code threads}, and latency is measured from
 * each invocation's intended start, as with {@code @PerfTest(ratePerSec)}: a stall is charged to every
 * invocation it delays (coordinated omission corrected).
 *
 * <p>Each phase gets its own latency figures (of the invocations intended to start in it), which
 * {@link PhaseSlo} judges, and the run records latency over time in intervals, drawn in {@code report.html}
 * with the phases shaded; {@link RecoverySlo} judges how long latency takes to come back after a phase. An
 * {@link Slo} on the test still judges the whole run. The profile fixes the run's length: {@code ratePerSec},
 * {@code iterations} and {@code durationMs} of the perf annotation must be left unset (their
 * {@code junitperf.default.*} values are ignored), and the run neither stops early nor is extended. See
 * {@code docs/load-profiles.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PerfExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LoadProfile {

    /** The phases, in the order they run; at least one, at most {@value #MAX_PHASES}, each with its own name. */
    Phase[] value();

    /** The most phases one profile may have (each measuring thread keeps a latency histogram per phase). */
    int MAX_PHASES = 16;
}
