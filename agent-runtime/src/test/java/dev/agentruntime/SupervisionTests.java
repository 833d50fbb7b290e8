package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class SupervisionTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("supervision"));

    @AfterEach
    void close() {
        system.close();
    }

    /** Record every message; throw on "boom". */
    private static AgentSpec recording(List<Object> seen) {
        return AgentSpec.of(() -> (message, context) -> {
            if ("boom".equals(message)) {
                throw new IllegalStateException("boom!");
            }
            seen.add(message);
            if ("ask".equals(message)) {
                context.reply(seen.size());
            }
        });
    }

    @Test
    void aRestartReportsTheFailingMessageAndKeepsTheQueue() throws InterruptedException {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (EventLatch failed = EventLatch.of(system.events(), AgentEvent.AgentFailed.class, 1);
             EventLatch restarted = EventLatch.of(system.events(), AgentEvent.AgentRestarted.class, 1)) {
            AgentRef agent = system.spawn("fragile", recording(seen));
            agent.tell("a");
            agent.tell("boom");
            agent.tell("b");
            agent.tell("c");

            assertThat(agent.<Integer>ask("ask", TIMEOUT).join()).isEqualTo(4);
            assertThat(restarted.await(TIMEOUT)).isTrue();
            assertThat(failed.await(TIMEOUT)).isTrue();
            AgentEvent.AgentFailed failure = (AgentEvent.AgentFailed) failed.matched().get(0);
            assertThat(failure.agentId()).isEqualTo("fragile");
            assertThat(failure.message()).isEqualTo("boom");
            assertThat(failure.cause()).hasMessage("boom!");
            assertThat(seen).containsExactly("a", "b", "c", "ask");
            assertThat(agent.isAlive()).isTrue();
        }
    }

    @Test
    void tooManyRestartsStopTheAgent() throws InterruptedException {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1);
             EventLatch restarted = EventLatch.of(system.events(), AgentEvent.AgentRestarted.class, 2)) {
            AgentRef agent = system.spawn("flaky", recording(seen).withSupervision(SupervisionStrategy.restart(2, Duration.ofMinutes(1))));
            for (int i = 0; i < 3; i++) {
                agent.tell("boom");
            }

            assertThat(restarted.await(TIMEOUT)).isTrue();
            assertThat(stopped.await(TIMEOUT)).isTrue();
            assertThat(((AgentEvent.AgentStopped) stopped.matched().get(0)).reason()).contains("more than 2 restarts");
            assertThat(agent.isAlive()).isFalse();
        }
    }

    @Test
    void theStopDirectiveDeadLettersTheRest() throws InterruptedException {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (EventLatch deadLetters = EventLatch.of(system.events(), AgentEvent.DeadLetter.class, 2)) {
            AgentRef agent = system.spawn("strict", recording(seen).withSupervision(SupervisionStrategy.stop())
                    .withMailbox(MailboxConfig.unbounded()));
            agent.tell("boom");
            agent.tell("x");
            agent.tell("y");

            assertThat(deadLetters.await(TIMEOUT)).isTrue();
            assertThat(deadLetters.matched()).extracting(e -> ((AgentEvent.DeadLetter) e).message()).containsExactly("x", "y");
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void escalationFailsTheParentWhichRestarts() throws InterruptedException {
        try (EventLatch parentRestarted = EventLatch.of(system.events(), AgentEvent.AgentRestarted.class,
                e -> e.agentId().equals("parent"), 1)) {
            AgentRef parent = system.spawn("parent", AgentSpec.of(() -> (message, context) -> {
                AgentRef child = context.spawn(AgentSpec.of(() -> (m, c) -> {
                    throw new IllegalArgumentException("child broke");
                }).withSupervision(SupervisionStrategy.escalate()));
                child.tell("go");
            }));
            parent.tell("start");

            assertThat(parentRestarted.await(TIMEOUT)).isTrue();
            assertThat(parent.isAlive()).isTrue();
        }
    }

    @Test
    void theStopDirectiveHandsTheFailingMessageToTheAgentOnceAndNothingAfterIt() throws Exception {
        Agent agent = mock(Agent.class);
        doThrow(new IllegalStateException("boom!")).when(agent).receive(eq("boom"), any());
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            AgentRef ref = system.spawn("strict-mock", AgentSpec.of(() -> agent).withSupervision(SupervisionStrategy.stop()));
            ref.tell("boom");
            ref.tell("later");

            assertThat(stopped.await(TIMEOUT)).isTrue();
        }
        InOrder order = inOrder(agent);
        order.verify(agent).onStarted(any());
        order.verify(agent).receive(eq("boom"), any());
        order.verify(agent).onStopped(any());
        verifyNoMoreInteractions(agent);
    }

    @Test
    void anEscalatedFailureStopsTheChildAndRestartsTheParentWithTheChildsCause() throws Exception {
        IllegalArgumentException cause = new IllegalArgumentException("child broke");
        Agent child = mock(Agent.class);
        doThrow(cause).when(child).receive(eq("go"), any());
        Agent parent = mock(Agent.class);
        doAnswer(call -> {
            AgentContext context = call.getArgument(1);
            context.spawn(AgentSpec.of(() -> child).withSupervision(SupervisionStrategy.escalate())).tell("go");
            return null;
        }).when(parent).receive(eq("start"), any());
        Agent restartedParent = mock(Agent.class);
        Iterator<Agent> parents = List.of(parent, restartedParent).iterator();
        try (EventLatch parentRestarted = EventLatch.of(system.events(), AgentEvent.AgentRestarted.class,
                e -> e.agentId().equals("parent"), 1)) {
            system.spawn("parent", AgentSpec.of(parents::next)).tell("start");

            assertThat(parentRestarted.await(TIMEOUT)).isTrue();
        }
        InOrder order = inOrder(parent, child, restartedParent);
        order.verify(parent).onStarted(any());
        order.verify(parent).receive(eq("start"), any());
        order.verify(child).onStarted(any());
        order.verify(child).receive(eq("go"), any());
        order.verify(child).onStopped(any());
        order.verify(restartedParent).onRestarted(any(), same(cause));
        verifyNoMoreInteractions(parent, child, restartedParent);
    }
}
