package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Find agents by id, capability, metadata and health.
 *
 * <p>Reads are lock-free and may run concurrently with each other and with writes; writes
 * (spawn, stop, {@link #setHealth}, {@link #setMetadata}) are serialized. A query costs
 * O(length of its shortest index list), never O(all agents), unless it has no indexed condition.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface AgentRegistry {

    /** Return the agent registered under {@code id}. */
    Optional<AgentRef> lookup(String id);

    /** Return what the registry knows about {@code id}. */
    Optional<AgentInfo> info(String id);

    /** Return the agents matching {@code query}. */
    List<AgentRef> find(AgentQuery query);

    /** Return the number of agents matching {@code query}, without building a list. */
    int count(AgentQuery query);

    /** Return the number of registered agents. */
    int size();

    /**
     * Set the health of {@code id}.
     *
     * @throws UnknownAgentException if no agent is registered under {@code id}
     */
    void setHealth(String id, Health health);

    /**
     * Replace the metadata of {@code id}.
     *
     * @throws UnknownAgentException if no agent is registered under {@code id}
     */
    void setMetadata(String id, Map<String, String> metadata);
}
