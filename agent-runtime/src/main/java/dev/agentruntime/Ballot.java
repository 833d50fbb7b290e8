package dev.agentruntime;

/**
 * Ask an agent to vote on a proposal; answer with {@code context.reply(new Vote(...))}.
 *
 * @param roundId the voting round
 * @param proposal the value being voted on
 */
public record Ballot(long roundId, Object proposal) {
}
