package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that a bounded mailbox set to reject is full. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class MailboxOverflowException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public MailboxOverflowException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public MailboxOverflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
