package dev.agentruntime;

/** Signal that no agent is registered under an id. */
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
