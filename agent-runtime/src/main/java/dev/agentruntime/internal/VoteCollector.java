package dev.agentruntime.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.agentruntime.AgentEvent;
import dev.agentruntime.AgentRef;
import dev.agentruntime.Vote;
import dev.agentruntime.VoteOutcome;
import dev.agentruntime.VoteOutcome.Decision;

/**
 * Count the votes of one round and decide as soon as the outcome is certain.
 *
 * <p>Votes arrive concurrently from many agents; counters are atomic and the first decision wins
 * through {@link CompletableFuture#complete}. A ballot that cannot be delivered counts as an abstention.
 */
final class VoteCollector extends ReplyTarget<VoteOutcome> {

    private final CellRuntime runtime;
    private final long roundId;
    private final Object proposal;
    private final int voters;
    private final int quorum;
    private final AtomicInteger approvals = new AtomicInteger();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger abstentions = new AtomicInteger();
    private final long deadline;

    VoteCollector(CellRuntime runtime, long roundId, Object proposal, int voters, int quorum, Duration timeout) {
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.runtime = runtime;
        this.roundId = roundId;
        this.proposal = proposal;
        this.voters = voters;
        this.quorum = quorum;
    }

    CompletableFuture<VoteOutcome> outcome() {
        return result;
    }

    @Override
    public void tell(Object message, AgentRef sender) {
        if (message instanceof Vote vote) {
            if (vote.approve()) {
                approvals.incrementAndGet();
            } else {
                rejections.incrementAndGet();
            }
            decideIfCertain();
        }
    }

    @Override
    void undeliverable(String recipientId, String reason) {
        abstentions.incrementAndGet();
        decideIfCertain();
    }

    private void decideIfCertain() {
        int yes = approvals.get();
        int no = rejections.get();
        int undecided = voters - yes - no - abstentions.get();
        if (yes >= quorum) {
            finish(Decision.ACCEPTED);
        } else if (yes + undecided < quorum) {
            finish(Decision.REJECTED);
        }
    }

    @Override
    void expireIfDue(long now) {
        if (now - deadline >= 0) {
            finish(Decision.TIMED_OUT);
        }
    }

    @Override
    void systemClosed() {
        finish(Decision.TIMED_OUT);
    }

    private void finish(Decision decision) {
        VoteOutcome outcome = new VoteOutcome(roundId, proposal, decision, approvals.get(), rejections.get(), voters);
        if (result.complete(outcome)) {
            runtime.forget(this);
            runtime.events().publish(new AgentEvent.CoordinationFinished(outcome));
        }
    }

    @Override
    public String id() {
        return "vote-" + roundId;
    }
}
