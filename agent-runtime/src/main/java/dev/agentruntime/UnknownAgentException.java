package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that no agent is registered under an id. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class UnknownAgentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public UnknownAgentException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public UnknownAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
