package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.function.Consumer;

/**
 * Publish {@link AgentEvent}s to subscribers.
 *
 * <p>Subscribers run synchronously on the thread that publishes, so they must be quick and must not
 * block; an exception thrown by a subscriber is swallowed so it cannot break the runtime. Publishing
 * with no subscribers costs one volatile read.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface EventStream {

    /** Subscribe {@code subscriber}; close the returned subscription to stop receiving events. */
    Subscription subscribe(Consumer<? super AgentEvent> subscriber);

    /** Publish {@code event} to every current subscriber. */
    void publish(AgentEvent event);

    /** Return whether anyone is listening. */
    boolean hasSubscribers();

    /** Cancel a subscription; closing twice is harmless. */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
