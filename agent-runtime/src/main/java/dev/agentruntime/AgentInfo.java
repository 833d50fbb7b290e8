package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Set;

/**
 * Describe a registered agent as seen by discovery.
 *
 * @param ref the agent's reference
 * @param capabilities what the agent can do
 * @param metadata the agent's attributes
 * @param health the agent's self-reported health
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record AgentInfo(AgentRef ref, Set<String> capabilities, Map<String, String> metadata, Health health) {

    /** Return the agent's id. */
    public String id() {
        return ref.id();
    }
}
