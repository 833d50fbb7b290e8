package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Address an agent: send it messages and ask it questions.
 *
 * <p>References are thread-safe and cheap to share. Messages sent from one sender to one recipient
 * are delivered in the order they were sent.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface AgentRef {

    /** Return the agent's unique id. */
    String id();

    /**
     * Send {@code message} with no sender.
     *
     * @throws NullPointerException if {@code message} is null
     * @throws MailboxOverflowException if the mailbox is bounded, full and set to reject
     */
    void tell(Object message);

    /**
     * Send {@code message} with {@code sender} as the reply address.
     *
     * @throws NullPointerException if {@code message} or {@code sender} is null; use {@link #tell(Object)} for no sender
     */
    void tell(Object message, AgentRef sender);

    /**
     * Send {@code message} and return a future completed by the first reply.
     *
     * <p>The future fails with {@link java.util.concurrent.TimeoutException} after {@code timeout},
     * and with {@link AgentStoppedException} if the agent is stopped before it handles the message.
     */
    <T> CompletableFuture<T> ask(Object message, Duration timeout);

    /** Return the number of messages waiting in the mailbox, an estimate under concurrency. */
    int mailboxSize();

    /** Return whether the agent is still running. */
    boolean isAlive();
}
