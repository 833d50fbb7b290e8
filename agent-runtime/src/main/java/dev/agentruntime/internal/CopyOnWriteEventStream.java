package dev.agentruntime.internal;

import static dev.agentruntime.ApiStatus.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.agentruntime.AgentEvent;
import dev.agentruntime.ApiStatus;
import dev.agentruntime.EventStream;

/** Publish events to a copy-on-write list of subscribers: publishing never locks. */
@ApiStatus(status = INTERNAL)
public final class CopyOnWriteEventStream implements EventStream {

    private volatile List<Consumer<? super AgentEvent>> subscribers = List.of();

    @Override
    public Subscription subscribe(Consumer<? super AgentEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber must not be null");
        synchronized (this) {
            List<Consumer<? super AgentEvent>> grown = new ArrayList<>(subscribers);
            grown.add(subscriber);
            subscribers = List.copyOf(grown);
        }
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Consumer<? super AgentEvent> subscriber) {
        List<Consumer<? super AgentEvent>> shrunk = new ArrayList<>(subscribers);
        shrunk.remove(subscriber);
        subscribers = List.copyOf(shrunk);
    }

    @Override
    public void publish(AgentEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        for (Consumer<? super AgentEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException ignored) {
                // a faulty subscriber must not break the agent that published
            }
        }
    }

    @Override
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }
}
