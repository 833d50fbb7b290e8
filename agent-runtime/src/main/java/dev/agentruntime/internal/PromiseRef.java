package dev.agentruntime.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentStoppedException;
import dev.agentruntime.AgentSystemClosedException;

/** Stand in as the sender of an {@code ask}: the first message told to it completes the future. */
final class PromiseRef<T> implements AgentRef, ReplyTarget {

    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final CellRuntime runtime;
    private final String recipientId;
    private final Duration timeout;
    private final long deadline;

    PromiseRef(CellRuntime runtime, String recipientId, Duration timeout) {
        this.runtime = runtime;
        this.recipientId = recipientId;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    CompletableFuture<T> future() {
        return future;
    }

    @Override
    public void expireIfDue(long now) {
        if (now - deadline >= 0
                && future.completeExceptionally(new TimeoutException("agent '" + recipientId + "' did not reply within " + timeout))) {
            runtime.forget(this);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void tell(Object message, AgentRef sender) {
        if (future.complete((T) message)) {
            finish();
        }
    }

    @Override
    public void tell(Object message) {
        tell(message, null);
    }

    private void finish() {
        runtime.forget(this);
    }

    @Override
    public void undeliverable(String recipient, String reason) {
        if (future.completeExceptionally(new AgentStoppedException("agent '" + recipient + "' could not handle the request: " + reason))) {
            finish();
        }
    }

    @Override
    public void systemClosed() {
        if (future.completeExceptionally(new AgentSystemClosedException("the agent system closed before agent '" + recipientId + "' replied"))) {
            finish();
        }
    }

    @Override
    public <R> CompletableFuture<R> ask(Object message, Duration askTimeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a reply address cannot be asked"));
    }

    @Override
    public String id() {
        return "ask->" + recipientId;
    }

    @Override
    public int mailboxSize() {
        return 0;
    }

    @Override
    public boolean isAlive() {
        return !future.isDone();
    }
}
