package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that an agent threw while starting. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class AgentStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public AgentStartException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public AgentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
