package dev.agentruntime.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentStoppedException;
import dev.agentruntime.AgentSystemClosedException;

/** Stand in as the sender of an {@code ask}: the first message told to it completes the future. */
final class PromiseRef<T> extends ReplyTarget<T> {

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

    @Override
    void expireIfDue(long now) {
        if (now - deadline >= 0
                && result.completeExceptionally(new TimeoutException("agent '" + recipientId + "' did not reply within " + timeout))) {
            runtime.forget(this);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void tell(Object message, AgentRef sender) {
        if (result.complete((T) message)) {
            runtime.forget(this);
        }
    }

    @Override
    void undeliverable(String recipient, String reason) {
        if (result.completeExceptionally(new AgentStoppedException("agent '" + recipient + "' could not handle the request: " + reason))) {
            runtime.forget(this);
        }
    }

    @Override
    void systemClosed() {
        if (result.completeExceptionally(new AgentSystemClosedException("the agent system closed before agent '" + recipientId + "' replied"))) {
            runtime.forget(this);
        }
    }

    @Override
    public String id() {
        return "ask->" + recipientId;
    }
}
