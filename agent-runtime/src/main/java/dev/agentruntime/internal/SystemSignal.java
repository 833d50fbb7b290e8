package dev.agentruntime.internal;

/**
 * Carry a control request to an agent, ahead of its ordinary messages.
 *
 * @param kind what is requested
 * @param detail the stop reason, or the failing child's cause
 * @param next the signal pushed before this one (Treiber stack link), or null
 */
record SystemSignal(Kind kind, Object detail, SystemSignal next) {

    enum Kind {
        STOP,
        CHILD_FAILED
    }

    SystemSignal withNext(SystemSignal newNext) {
        return new SystemSignal(kind, detail, newNext);
    }
}
