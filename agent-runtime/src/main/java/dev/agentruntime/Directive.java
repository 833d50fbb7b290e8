package dev.agentruntime;

/** Choose how a supervisor reacts to a failing agent. */
public enum Directive {
    /** Replace the agent with a fresh instance; queued messages are kept. */
    RESTART,
    /** Stop the agent; queued messages are dead-lettered. */
    STOP,
    /** Stop the agent and fail its parent with the same cause (top-level agents just stop). */
    ESCALATE
}
