package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.PerfClock;

/**
 * Map a resolved {@link PerfClock} to the constant the timed loops branch on, and say whether it can run here.
 *
 * <p>The timed loops read the clock as an {@code int} from their class data, so C2 folds every branch
 * on it; an enum constant would be folded too, but an {@code int} keeps the hidden class free of
 * references to public API types.
 */
@API(status = INTERNAL, since = "0.1")
public final class Clocks {

    static final int WALL = 0;
    static final int CPU = 1;
    static final int WALL_MINUS_RUNQUEUE = 2;

    private Clocks() {
    }

    /** Return the loop constant of a resolved clock. */
    static int code(PerfClock clock) {
        return switch (clock) {
            case CPU -> CPU;
            case WALL_MINUS_RUNQUEUE -> WALL_MINUS_RUNQUEUE;
            case WALL, DEFAULT -> WALL;
        };
    }

    /** Return why {@code clock} cannot be used on this machine, or empty if it can. */
    public static Optional<String> unavailableReason(PerfClock clock) {
        return switch (clock) {
            case CPU -> ThreadCpuClock.unavailableReason();
            case WALL_MINUS_RUNQUEUE -> RunQueueClock.unavailableReason();
            case WALL, DEFAULT -> Optional.empty();
        };
    }
}
