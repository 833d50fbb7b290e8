package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Ask an agent to vote on a proposal; answer with {@code context.reply(new Vote(...))}.
 *
 * @param roundId the voting round
 * @param proposal the value being voted on
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record Ballot(long roundId, Object proposal) {
}
