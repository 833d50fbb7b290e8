package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Wait for a number of matching events, with a timeout; the test-friendly alternative to sleeping.
 *
 * <p>Create the latch before triggering the events, then {@link #await} it:
 * <pre>{@code
 * try (EventLatch started = EventLatch.of(system.events(), AgentEvent.AgentStarted.class, 3)) {
 *     spawnThree();
 *     assertThat(started.await(Duration.ofSeconds(5))).isTrue();
 * }
 * }</pre>
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public final class EventLatch implements AutoCloseable {

    private final CountDownLatch remaining;
    private final List<AgentEvent> matched = new ArrayList<>();
    private final EventStream.Subscription subscription;

    private EventLatch(EventStream stream, Predicate<? super AgentEvent> filter, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("EventLatch requires count >= 1, but was " + count);
        }
        this.remaining = new CountDownLatch(count);
        this.subscription = stream.subscribe(event -> {
            if (filter.test(event)) {
                synchronized (matched) {
                    if (remaining.getCount() > 0) {
                        matched.add(event);
                    }
                }
                remaining.countDown();
            }
        });
    }

    /** Return a latch opening after {@code count} events matching {@code filter}. */
    public static EventLatch of(EventStream stream, Predicate<? super AgentEvent> filter, int count) {
        Objects.requireNonNull(stream, "stream must not be null");
        Objects.requireNonNull(filter, "filter must not be null");
        return new EventLatch(stream, filter, count);
    }

    /** Return a latch opening after {@code count} events of {@code type}. */
    public static EventLatch of(EventStream stream, Class<? extends AgentEvent> type, int count) {
        Objects.requireNonNull(type, "type must not be null");
        return of(stream, type::isInstance, count);
    }

    /** Return a latch opening after {@code count} events of {@code type} matching {@code filter}. */
    public static <E extends AgentEvent> EventLatch of(EventStream stream, Class<E> type, Predicate<? super E> filter, int count) {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(filter, "filter must not be null");
        return of(stream, e -> type.isInstance(e) && filter.test(type.cast(e)), count);
    }

    /** Wait until enough events arrived; return {@code false} if {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return remaining.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Return how many matching events are still missing. */
    public long remaining() {
        return remaining.getCount();
    }

    /** Return the matching events seen so far, in arrival order. */
    public List<AgentEvent> matched() {
        synchronized (matched) {
            return List.copyOf(matched);
        }
    }

    /** Stop listening. */
    @Override
    public void close() {
        subscription.close();
    }
}
