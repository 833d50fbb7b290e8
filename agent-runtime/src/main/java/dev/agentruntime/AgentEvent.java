package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Report something that happened in an {@link AgentSystem}; subscribe with {@link EventStream}. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public sealed interface AgentEvent {

    /**
     * Report that an agent started.
     *
     * @param agentId the agent
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record AgentStarted(String agentId) implements AgentEvent {
    }

    /**
     * Report that an agent stopped for good.
     *
     * @param agentId the agent
     * @param reason why it stopped
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record AgentStopped(String agentId, String reason) implements AgentEvent {
    }

    /**
     * Report that an agent threw; the message is not redelivered.
     *
     * @param agentId the agent
     * @param message the message being handled, or a lifecycle marker string
     * @param cause what was thrown
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record AgentFailed(String agentId, Object message, Throwable cause) implements AgentEvent {
    }

    /**
     * Report that a failed agent was replaced by a fresh instance.
     *
     * @param agentId the agent
     * @param restartCount restarts within the current window
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record AgentRestarted(String agentId, int restartCount) implements AgentEvent {
    }

    /**
     * Report a message that could not be delivered.
     *
     * @param recipientId the intended recipient
     * @param message the message
     * @param reason why it was not delivered
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record DeadLetter(String recipientId, Object message, String reason) implements AgentEvent {
    }

    /**
     * Report a new version of a shared variable.
     *
     * @param name the variable
     * @param version the new version
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record VariableChanged(String name, long version) implements AgentEvent {
    }

    /**
     * Report the end of a coordination round.
     *
     * @param outcome how the round ended
     */
    @ApiStatus(status = EXPERIMENTAL, since = "0.1")
    record CoordinationFinished(VoteOutcome outcome) implements AgentEvent {
    }
}
