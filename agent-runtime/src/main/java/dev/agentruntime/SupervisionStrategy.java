package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;

/**
 * Decide what happens when an agent throws.
 *
 * <p>With {@link Directive#RESTART}, more than {@code maxRestarts} restarts within {@code window}
 * stop the agent instead. The message that caused a failure is not retried: it is reported in an
 * {@link AgentEvent.AgentFailed} event (at-most-once delivery for the failing message).
 *
 * @param directive the reaction to a failure
 * @param maxRestarts restarts allowed within {@code window}
 * @param window the sliding window restarts are counted in
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record SupervisionStrategy(Directive directive, int maxRestarts, Duration window) {

    private static final SupervisionStrategy DEFAULT = restart(10, Duration.ofSeconds(1));

    /** Validate the strategy. */
    public SupervisionStrategy {
        Objects.requireNonNull(directive, "directive must not be null");
        Objects.requireNonNull(window, "window must not be null");
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("SupervisionStrategy requires maxRestarts >= 0, but was " + maxRestarts);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("SupervisionStrategy requires a positive window, but was " + window);
        }
    }

    /** Return the default: restart up to 10 times per second. */
    public static SupervisionStrategy defaultStrategy() {
        return DEFAULT;
    }

    /** Return a strategy restarting at most {@code maxRestarts} times within {@code window}. */
    public static SupervisionStrategy restart(int maxRestarts, Duration window) {
        return new SupervisionStrategy(Directive.RESTART, maxRestarts, window);
    }

    /** Return a strategy stopping the agent on its first failure. */
    public static SupervisionStrategy stop() {
        return new SupervisionStrategy(Directive.STOP, 0, Duration.ofSeconds(1));
    }

    /** Return a strategy handing failures to the parent agent. */
    public static SupervisionStrategy escalate() {
        return new SupervisionStrategy(Directive.ESCALATE, 0, Duration.ofSeconds(1));
    }
}
