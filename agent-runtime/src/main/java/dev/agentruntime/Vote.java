package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Answer a {@link Ballot}.
 *
 * @param approve whether the voter accepts the proposal
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record Vote(boolean approve) {

    /** Return an approving vote. */
    public static Vote yes() {
        return new Vote(true);
    }

    /** Return a rejecting vote. */
    public static Vote no() {
        return new Vote(false);
    }
}
