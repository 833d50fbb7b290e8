package dev.agentruntime;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Cycle through a fixed group; thread-safe through one atomic counter. */
final class RoundRobinRouter implements Router {

    private final AgentRef[] routees;
    private final AtomicInteger next = new AtomicInteger();

    /** Create a router over {@code routees}. */
    RoundRobinRouter(List<AgentRef> routees) {
        this.routees = Routees.of(routees);
    }

    @Override
    public AgentRef select(Object message) {
        return routees[Math.floorMod(next.getAndIncrement(), routees.length)];
    }
}
