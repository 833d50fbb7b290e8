package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Verify with mocked subscribers which events the runtime publishes, in which order, and to whom. */
class EventStreamTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("events"));

    @AfterEach
    void close() {
        system.close();
    }

    @SuppressWarnings("unchecked")
    private static Consumer<AgentEvent> mockedSubscriber() {
        return mock(Consumer.class);
    }

    private static AgentSpec idle() {
        return AgentSpec.of(() -> (message, context) -> {
        });
    }

    @Test
    void aSubscriberSeesStartFailureAndStopInOrder() throws InterruptedException {
        IllegalStateException cause = new IllegalStateException("boom!");
        Consumer<AgentEvent> subscriber = mockedSubscriber();
        system.events().subscribe(subscriber);
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            AgentRef agent = system.spawn("watched", AgentSpec.of(() -> (message, context) -> {
                throw cause;
            }).withSupervision(SupervisionStrategy.stop()));
            agent.tell("boom");

            assertThat(stopped.await(TIMEOUT)).isTrue();
        }
        ArgumentCaptor<AgentEvent> events = ArgumentCaptor.forClass(AgentEvent.class);
        verify(subscriber, times(3)).accept(events.capture());
        assertThat(events.getAllValues()).containsExactly(
                new AgentEvent.AgentStarted("watched"),
                new AgentEvent.AgentFailed("watched", "boom", cause),
                new AgentEvent.AgentStopped("watched", "failed: " + cause));
    }

    @Test
    void aThrowingSubscriberKeepsTheEventFromNoOtherSubscriber() {
        Consumer<AgentEvent> faulty = mockedSubscriber();
        doThrow(new IllegalStateException("subscriber bug")).when(faulty).accept(any());
        Consumer<AgentEvent> healthy = mockedSubscriber();
        system.events().subscribe(faulty);
        system.events().subscribe(healthy);

        AgentRef agent = system.spawn("started", idle());

        verify(faulty).accept(new AgentEvent.AgentStarted("started"));
        verify(healthy).accept(new AgentEvent.AgentStarted("started"));
        assertThat(agent.isAlive()).isTrue();
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() {
        Consumer<AgentEvent> subscriber = mockedSubscriber();
        EventStream.Subscription subscription = system.events().subscribe(subscriber);
        system.spawn("first", idle());

        subscription.close();
        system.spawn("second", idle());

        verify(subscriber).accept(new AgentEvent.AgentStarted("first"));
        verifyNoMoreInteractions(subscriber);
    }
}
