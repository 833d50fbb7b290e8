package dev.agentruntime.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hold the rarely used parts of an agent: parent, children and restart budget.
 *
 * <p>Allocated only for agents that have a parent, children or a failure, which keeps idle agents small.
 */
final class CellFamily {

    final AgentCell parent;
    final Set<AgentCell> children = ConcurrentHashMap.newKeySet();
    RestartBudget restarts;

    CellFamily(AgentCell parent) {
        this.parent = parent;
    }
}
