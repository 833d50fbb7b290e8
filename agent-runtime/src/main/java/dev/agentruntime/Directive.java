package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** Choose how a supervisor reacts to a failing agent. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public enum Directive {
    /** Replace the agent with a fresh instance; queued messages are kept. */
    RESTART,
    /** Stop the agent; queued messages are dead-lettered. */
    STOP,
    /** Stop the agent and fail its parent with the same cause (top-level agents just stop). */
    ESCALATE
}
