package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Signal that the agent system is closed. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public class AgentSystemClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Create the exception with a message a user can act on. */
    public AgentSystemClosedException(String message) {
        super(message);
    }

    /** Create the exception with a message and its cause. */
    public AgentSystemClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
