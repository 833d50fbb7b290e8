package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.Optional;

/**
 * Give an agent access to itself, the sender of the current message and the system.
 *
 * <p>Only the agent's own thread of control may use its context, and only while a message or
 * lifecycle hook is being handled.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface AgentContext {

    /** Return the reference of the agent being run. */
    AgentRef self();

    /** Return the sender of the current message, empty when it was sent from outside any agent. */
    Optional<AgentRef> sender();

    /** Send {@code message} to the sender of the current message, or to dead letters if there is none. */
    void reply(Object message);

    /** Send {@code message} to {@code recipient} with this agent as the sender. */
    void tell(AgentRef recipient, Object message);

    /** Spawn a child agent; failures it escalates are handled by this agent's strategy. */
    AgentRef spawn(AgentSpec spec);

    /** Stop this agent once the current message has been handled. */
    void stop();

    /**
     * Return the system the agent runs in.
     *
     * @throws UnsupportedOperationException if no {@link AgentSystem} created this context (a test
     *         double must override this method)
     */
    default AgentSystem system() {
        return AgentSystem.owning(this);
    }
}
