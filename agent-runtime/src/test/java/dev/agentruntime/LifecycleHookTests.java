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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Verify with mocked agents that the runtime calls each hook once, in order, with the right arguments. */
class LifecycleHookTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("hooks"));

    @AfterEach
    void close() {
        system.close();
    }

    /** Make the mocked agent answer {@code "ping"} with {@code "pong"}, so a test can wait for its queue. */
    private static Agent answeringPing() throws Exception {
        Agent agent = mock(Agent.class);
        doAnswer(call -> {
            call.<AgentContext>getArgument(1).reply("pong");
            return null;
        }).when(agent).receive(eq("ping"), any());
        return agent;
    }

    @Test
    void startReceiveAndStopRunOnceEachInOrder() throws Exception {
        Agent agent = answeringPing();
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            AgentRef ref = system.spawn("hooked", AgentSpec.of(() -> agent));
            ref.tell("a");
            assertThat(ref.<String>ask("ping", TIMEOUT).join()).isEqualTo("pong");
            system.stop(ref);

            assertThat(stopped.await(TIMEOUT)).isTrue();
        }
        InOrder order = inOrder(agent);
        order.verify(agent).onStarted(any());
        order.verify(agent).receive(eq("a"), any());
        order.verify(agent).receive(eq("ping"), any());
        order.verify(agent).onStopped(any());
        verifyNoMoreInteractions(agent);
    }

    @Test
    void aRestartHandsTheCauseToAFreshInstanceAndNeverStopsTheFailedOne() throws Exception {
        IllegalStateException cause = new IllegalStateException("boom");
        Agent failing = mock(Agent.class);
        doThrow(cause).when(failing).receive(eq("boom"), any());
        Agent fresh = answeringPing();
        Iterator<Agent> instances = List.of(failing, fresh).iterator();
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            AgentRef ref = system.spawn("restarted", AgentSpec.of(instances::next));
            ref.tell("boom");
            ref.tell("after");
            assertThat(ref.<String>ask("ping", TIMEOUT).join()).isEqualTo("pong");
            system.stop(ref);

            assertThat(stopped.await(TIMEOUT)).isTrue();
        }
        InOrder order = inOrder(failing, fresh);
        order.verify(failing).onStarted(any());
        order.verify(failing).receive(eq("boom"), any());
        order.verify(fresh).onRestarted(any(), same(cause));
        order.verify(fresh).receive(eq("after"), any());
        order.verify(fresh).receive(eq("ping"), any());
        order.verify(fresh).onStopped(any());
        verifyNoMoreInteractions(failing, fresh);
    }
}
