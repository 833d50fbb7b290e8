package dev.agentruntime;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Hold a fixed group and a turn that rotates through it; thread-safe through one atomic counter. */
abstract class RotatingRouter implements Router {

    final AgentRef[] routees;
    private final AtomicInteger turns = new AtomicInteger();

    RotatingRouter(List<AgentRef> routees) {
        this.routees = Routees.of(routees);
    }

    /** Return the index whose turn it is; successive calls cycle through the group. */
    final int nextTurn() {
        return Math.floorMod(turns.getAndIncrement(), routees.length);
    }
}
