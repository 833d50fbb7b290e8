package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that an agent stopped before handling a message. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class AgentStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public AgentStoppedException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public AgentStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
