package dev.agentruntime;

import java.util.List;

/** Cycle through a fixed group. */
final class RoundRobinRouter extends RotatingRouter {

    /** Create a router over {@code routees}. */
    RoundRobinRouter(List<AgentRef> routees) {
        super(routees);
    }

    @Override
    public AgentRef select(Object message) {
        return routees[nextTurn()];
    }
}
