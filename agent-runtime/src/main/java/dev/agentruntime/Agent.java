package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Implement the behaviour of an agent.
 *
 * <p>The runtime calls {@link #receive} for one message at a time, never concurrently, so an agent
 * may keep plain mutable fields. Throwing from any method hands the failure to the agent's
 * {@link SupervisionStrategy}.
 */
@FunctionalInterface
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface Agent {

    /** Handle one message; {@code context} is valid only for the duration of this call. */
    void receive(Object message, AgentContext context) throws Exception;

    /** React to the agent being started, before its first message. */
    default void onStarted(AgentContext context) throws Exception {
    }

    /** React to the agent being stopped; queued messages are then dead-lettered. */
    default void onStopped(AgentContext context) {
    }

    /** React to a restart: this is a fresh instance replacing one that failed with {@code cause}. */
    default void onRestarted(AgentContext context, Throwable cause) throws Exception {
    }
}
