package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that an id is already taken by a running agent. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class DuplicateAgentIdException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public DuplicateAgentIdException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public DuplicateAgentIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
