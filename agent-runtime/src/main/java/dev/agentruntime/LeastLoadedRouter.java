package dev.agentruntime;

import java.util.List;

/** Pick the routee with the shallowest mailbox; ties go round-robin. Costs O(group size) per message. */
final class LeastLoadedRouter extends RotatingRouter {

    /** Create a router over {@code routees}. */
    LeastLoadedRouter(List<AgentRef> routees) {
        super(routees);
    }

    @Override
    public AgentRef select(Object message) {
        int n = routees.length;
        int offset = nextTurn();
        AgentRef best = routees[offset];
        int bestDepth = best.mailboxSize();
        for (int i = 1; i < n && bestDepth > 0; i++) {
            AgentRef candidate = routees[(offset + i) % n];
            int depth = candidate.mailboxSize();
            if (depth < bestDepth) {
                best = candidate;
                bestDepth = depth;
            }
        }
        return best;
    }
}
