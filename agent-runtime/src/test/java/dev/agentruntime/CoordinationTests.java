package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("coordination"));

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void subscribersSeeTheLatestVersionWithBatchedNotifications() {
        List<VariableUpdate<?>> updates = new CopyOnWriteArrayList<>();
        AgentRef watcher = system.spawn(AgentSpec.of(() -> (message, context) -> updates.add((VariableUpdate<?>) message)));
        SharedVariable<Integer> counter = system.variable("counter", 0);
        counter.subscribe(watcher);

        for (int i = 0; i < 1_000; i++) {
            counter.update(n -> n + 1);
        }

        await().atMost(TIMEOUT).until(() -> !updates.isEmpty() && updates.get(updates.size() - 1).version() == 1_000);
        assertThat(updates.get(updates.size() - 1).value()).isEqualTo(1_000);
        assertThat(updates.size()).isLessThanOrEqualTo(1_000);
        assertThat(updates).extracting(VariableUpdate::version).isSorted();
        assertThat(system.variable("counter", 0)).isSameAs(counter);
    }

    @Test
    void compareAndSetChecksTheVersion() throws InterruptedException {
        SharedVariable<String> leader = system.variable("leader", "none");
        try (EventLatch changed = EventLatch.of(system.events(), AgentEvent.VariableChanged.class, 1)) {
            assertThat(leader.compareAndSet(0, "a")).isTrue();
            assertThat(changed.await(TIMEOUT)).isTrue();
        }

        assertThat(leader.compareAndSet(0, "b")).isFalse();
        assertThat(leader.get()).isEqualTo(new Versioned<>(1, "a"));
        assertThat(leader.set("c")).isEqualTo(2);
    }

    private List<AgentRef> voters(int approving, int rejecting, int silent) {
        List<AgentRef> group = new ArrayList<>();
        for (int i = 0; i < approving + rejecting + silent; i++) {
            boolean silentVoter = i >= approving + rejecting;
            Vote vote = i < approving ? Vote.yes() : Vote.no();
            group.add(system.spawn(AgentSpec.of(() -> (message, context) -> {
                if (message instanceof Ballot && !silentVoter) {
                    context.reply(vote);
                }
            })));
        }
        return group;
    }

    @Test
    void aQuorumAcceptsTheProposal() throws InterruptedException {
        try (EventLatch finished = EventLatch.of(system.events(), AgentEvent.CoordinationFinished.class, 1)) {
            VoteOutcome outcome = system.vote(voters(6, 4, 0), "deploy", 6, TIMEOUT).join();

            assertThat(outcome.decision()).isEqualTo(VoteOutcome.Decision.ACCEPTED);
            assertThat(outcome.approvals()).isGreaterThanOrEqualTo(6);
            assertThat(outcome.proposal()).isEqualTo("deploy");
            assertThat(finished.await(TIMEOUT)).isTrue();
        }
    }

    @Test
    void aRoundIsRejectedAsSoonAsTheQuorumIsOutOfReach() {
        VoteOutcome outcome = system.vote(voters(3, 7, 0), "deploy", 6, TIMEOUT).join();

        assertThat(outcome.decision()).isEqualTo(VoteOutcome.Decision.REJECTED);
    }

    /**
     * The deadline must come after the two answers, or the round would time out with fewer: they take about
     * 0.1 ms quiet and a few ms beside two CPU hogs, so 500 ms is a wide margin and the whole cost of the test.
     */
    @Test
    void aRoundWithoutEnoughVotesTimesOutCleanly() {
        VoteOutcome outcome = system.vote(voters(2, 0, 3), "deploy", 3, Duration.ofMillis(500)).join();

        assertThat(outcome.decision()).isEqualTo(VoteOutcome.Decision.TIMED_OUT);
        assertThat(outcome.approvals()).isEqualTo(2);
    }

    @Test
    void stoppedVotersCountAsAbstentions() throws InterruptedException {
        List<AgentRef> group = voters(2, 0, 0);
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            system.stop(group.get(0));
            assertThat(stopped.await(TIMEOUT)).isTrue();
        }

        VoteOutcome outcome = system.vote(group, "deploy", 2, Duration.ofSeconds(30)).join();

        assertThat(outcome.decision()).isEqualTo(VoteOutcome.Decision.REJECTED);
    }
}
