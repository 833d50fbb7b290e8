package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Report how a voting round ended.
 *
 * @param roundId the round
 * @param proposal the value voted on
 * @param decision accepted, rejected or timed out
 * @param approvals approving votes counted
 * @param rejections rejecting votes counted
 * @param voters the size of the group
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record VoteOutcome(long roundId, Object proposal, Decision decision, int approvals, int rejections, int voters) {

    /** Name the ways a round can end. */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    public enum Decision {
        /** The quorum approved. */
        ACCEPTED,
        /** Enough voters rejected that the quorum could no longer be reached. */
        REJECTED,
        /** The timeout passed before a decision. */
        TIMED_OUT
    }
}
