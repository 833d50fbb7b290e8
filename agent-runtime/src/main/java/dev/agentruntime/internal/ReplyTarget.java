package dev.agentruntime.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.agentruntime.AgentRef;

/**
 * Stand in as the sender of a request made outside any agent: an {@link AgentRef} that only takes
 * replies, completes {@code result} with them, and learns when the request could not be delivered.
 *
 * @param <R> what the request completes with
 */
abstract class ReplyTarget<R> implements AgentRef {

    final CompletableFuture<R> result = new CompletableFuture<>();

    /** React to the request never reaching its recipient. */
    abstract void undeliverable(String recipientId, String reason);

    /** Time out if {@code now} (a {@link System#nanoTime()} value) is past the deadline. */
    abstract void expireIfDue(long now);

    /** Give up because the system is closing. */
    abstract void systemClosed();

    @Override
    public final void tell(Object message) {
        tell(message, null);
    }

    @Override
    public final <T> CompletableFuture<T> ask(Object message, Duration timeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("'" + id() + "' is a reply address; it cannot be asked"));
    }

    @Override
    public final int mailboxSize() {
        return 0;
    }

    @Override
    public final boolean isAlive() {
        return !result.isDone();
    }
}
