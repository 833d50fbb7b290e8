package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.agentruntime.internal.CopyOnWriteEventStream;

class EventLatchTests {

    private final EventStream stream = new CopyOnWriteEventStream();

    @Test
    void opensAfterEnoughMatchingEvents() throws InterruptedException {
        try (EventLatch latch = EventLatch.of(stream, AgentEvent.AgentStarted.class, e -> e.agentId().startsWith("w"), 2)) {
            stream.publish(new AgentEvent.AgentStarted("w1"));
            stream.publish(new AgentEvent.AgentStarted("x"));
            stream.publish(new AgentEvent.AgentStopped("w1", "done"));
            assertThat(latch.remaining()).isEqualTo(1);
            stream.publish(new AgentEvent.AgentStarted("w2"));

            assertThat(latch.await(Duration.ofSeconds(1))).isTrue();
            assertThat(latch.matched()).containsExactly(new AgentEvent.AgentStarted("w1"), new AgentEvent.AgentStarted("w2"));
        }
    }

    @Test
    void timesOutWithoutHangingAndStopsListeningWhenClosed() throws InterruptedException {
        EventLatch latch = EventLatch.of(stream, AgentEvent.DeadLetter.class, 1);

        assertThat(latch.await(Duration.ofMillis(20))).isFalse();
        latch.close();

        assertThat(stream.hasSubscribers()).isFalse();
    }

    @Test
    void aFaultySubscriberDoesNotBreakPublishing() throws InterruptedException {
        stream.subscribe(e -> {
            throw new IllegalStateException("bad subscriber");
        });
        try (EventLatch latch = EventLatch.of(stream, AgentEvent.AgentStarted.class, 1)) {
            stream.publish(new AgentEvent.AgentStarted("a"));
            assertThat(latch.await(Duration.ofSeconds(1))).isTrue();
        }
    }

    @Test
    void rejectsAZeroCount() {
        assertThatThrownBy(() -> EventLatch.of(stream, AgentEvent.AgentStarted.class, 0)).hasMessageContaining("count >= 1");
    }

    @Test
    void repliesAwaitSpinsThenReturnsTheValue() throws Exception {
        CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> "done");

        assertThat(Replies.await(reply, Duration.ofMillis(1), Duration.ofSeconds(5))).isEqualTo("done");
    }
}
