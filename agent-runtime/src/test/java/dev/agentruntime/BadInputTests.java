package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BadInputTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("bad-input"));

    @AfterEach
    void close() {
        system.close();
    }

    private AgentRef silent(String id) {
        return system.spawn(id, AgentSpec.of(() -> (m, c) -> { }));
    }

    @Test
    void nullMessagesAreRejected() {
        AgentRef agent = silent("a");

        assertThatThrownBy(() -> agent.tell(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> agent.ask(null, TIMEOUT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> system.broadcast(AgentQuery.all(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void duplicateIdsAreRejectedWithTheId() {
        silent("taken");

        assertThatThrownBy(() -> silent("taken"))
                .isInstanceOf(DuplicateAgentIdException.class)
                .hasMessageContaining("'taken'");
    }

    @Test
    void unknownIdsGiveEmptyResultsOrClearErrors() {
        assertThat(system.lookup("nobody")).isEmpty();
        assertThat(system.registry().info("nobody")).isEmpty();
        assertThatThrownBy(() -> system.registry().setHealth("nobody", Health.DEGRADED))
                .isInstanceOf(UnknownAgentException.class)
                .hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> system.registry().setMetadata("nobody", Map.of()))
                .isInstanceOf(UnknownAgentException.class);
    }

    @Test
    void askingAStoppedAgentFailsFast() throws InterruptedException {
        AgentRef agent = silent("gone");
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            system.stop(agent);
            assertThat(stopped.await(TIMEOUT)).isTrue();
        }

        CompletableFuture<Object> reply = agent.ask("anyone?", Duration.ofSeconds(30));

        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(AgentStoppedException.class);
        assertThat(system.stop(agent)).isFalse();
    }

    @Test
    void anUnansweredAskTimesOut() {
        AgentRef agent = silent("mute");

        CompletableFuture<Object> reply = agent.ask("hello?", Duration.ofMillis(50));

        assertThatThrownBy(reply::join).hasCauseInstanceOf(TimeoutException.class).hasMessageContaining("'mute'");
    }

    @Test
    void aClosedSystemRefusesWork() {
        AgentRef agent = silent("before");
        system.close();

        assertThatThrownBy(() -> silent("after")).isInstanceOf(AgentSystemClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> agent.ask("x", TIMEOUT).join()).hasCauseInstanceOf(AgentSystemClosedException.class);
        agent.tell("into the void");
        assertThat(system.deadLetterCount()).isEqualTo(1);
        assertThatThrownBy(() -> system.vote(List.of(agent), "p", 1, TIMEOUT)).isInstanceOf(AgentSystemClosedException.class);
    }

    @Test
    void failingStartHooksFailTheSpawnAndFreeTheId() {
        AgentSpec broken = AgentSpec.of(() -> new Agent() {
            @Override
            public void onStarted(AgentContext context) {
                throw new IllegalStateException("no database");
            }

            @Override
            public void receive(Object message, AgentContext context) {
            }
        });

        assertThatThrownBy(() -> system.spawn("broken", broken))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining("no database");
        assertThat(system.lookup("broken")).isEmpty();
        assertThat(silent("broken").isAlive()).isTrue();
    }

    @Test
    void invalidConfigurationNamesTheProblem() {
        assertThatThrownBy(() -> MailboxConfig.bounded(0, OverflowPolicy.REJECT)).hasMessageContaining("capacity >= 1");
        assertThatThrownBy(() -> SupervisionStrategy.restart(-1, TIMEOUT)).hasMessageContaining("maxRestarts >= 0");
        assertThatThrownBy(() -> AgentSystemConfig.defaults().withParallelism(0)).hasMessageContaining("parallelism >= 1");
        assertThatThrownBy(() -> system.spawn(" ", AgentSpec.of(() -> (m, c) -> { }))).hasMessageContaining("blank");
        assertThatThrownBy(() -> system.vote(List.of(silent("v")), "p", 2, TIMEOUT)).hasMessageContaining("quorum");
        assertThatThrownBy(() -> Router.roundRobin(List.of())).hasMessageContaining("at least one routee");
        assertThatThrownBy(() -> AgentSpec.of(null)).isInstanceOf(NullPointerException.class);
    }
}
