package dev.agentruntime;

/** Signal that an agent stopped before handling a message. */
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
