package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Choose what happens to a message sent to a full bounded mailbox. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public enum OverflowPolicy {
    /** Throw {@link MailboxOverflowException} to the sender (or fail its {@code ask} future). */
    REJECT,
    /** Publish the message as a {@link AgentEvent.DeadLetter}. */
    DEAD_LETTER
}
