package dev.agentruntime;

/**
 * Answer a {@link Ballot}.
 *
 * @param approve whether the voter accepts the proposal
 */
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
