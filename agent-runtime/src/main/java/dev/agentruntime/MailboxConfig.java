package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.Objects;

/**
 * Describe an agent's mailbox: unbounded, or bounded with an overflow policy.
 *
 * @param capacity the maximum number of queued messages, or {@code 0} for unbounded
 * @param overflow what to do with a message that does not fit
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record MailboxConfig(int capacity, OverflowPolicy overflow) {

    private static final MailboxConfig UNBOUNDED = new MailboxConfig(0, OverflowPolicy.REJECT);

    /** Validate the configuration. */
    public MailboxConfig {
        Objects.requireNonNull(overflow, "overflow must not be null");
        if (capacity < 0) {
            throw new IllegalArgumentException("MailboxConfig requires capacity >= 0 (0 = unbounded), but was " + capacity);
        }
    }

    /** Return an unbounded mailbox. */
    public static MailboxConfig unbounded() {
        return UNBOUNDED;
    }

    /** Return a mailbox holding at most {@code capacity} messages. */
    public static MailboxConfig bounded(int capacity, OverflowPolicy overflow) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a bounded mailbox requires capacity >= 1, but was " + capacity);
        }
        return new MailboxConfig(capacity, overflow);
    }

    /** Return whether the mailbox has a capacity limit. */
    public boolean isBounded() {
        return capacity > 0;
    }
}
