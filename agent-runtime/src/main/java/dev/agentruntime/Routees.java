package dev.agentruntime;

import java.util.List;
import java.util.Objects;

/** Validate and freeze a router's group. */
final class Routees {

    private Routees() {
    }

    static AgentRef[] of(List<AgentRef> routees) {
        Objects.requireNonNull(routees, "routees must not be null");
        if (routees.isEmpty()) {
            throw new IllegalArgumentException("a router requires at least one routee, but the list was empty");
        }
        return routees.toArray(AgentRef[]::new);
    }
}
