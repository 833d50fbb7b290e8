package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Select agents by capabilities, metadata and health; all given conditions must hold.
 *
 * <p>Capabilities, metadata equalities and health are answered from indexes: a query walks only the
 * shortest matching index list. The optional {@code filter} is applied to those candidates.
 *
 * @param capabilities capabilities every match must have
 * @param metadata key/value pairs every match must have
 * @param health the health every match must have, if given
 * @param filter an extra predicate on the candidates' metadata
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record AgentQuery(
        Set<String> capabilities,
        Map<String, String> metadata,
        Optional<Health> health,
        Predicate<Map<String, String>> filter) {

    private static final Predicate<Map<String, String>> ANY = m -> true;

    /** Validate the query and freeze its collections. */
    public AgentQuery {
        capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities must not be null"));
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
        Objects.requireNonNull(health, "health must not be null");
        Objects.requireNonNull(filter, "filter must not be null");
    }

    /** Return whether an extra {@code filter} was added to the indexed conditions. */
    public boolean hasFilter() {
        return filter != ANY;
    }

    /** Return a query matching every agent. */
    public static AgentQuery all() {
        return new AgentQuery(Set.of(), Map.of(), Optional.empty(), ANY);
    }

    /** Return a query for agents with all of {@code capabilities}. */
    public static AgentQuery withCapabilities(String... capabilities) {
        return all().andCapabilities(capabilities);
    }

    /** Return a copy also requiring {@code more} capabilities. */
    public AgentQuery andCapabilities(String... more) {
        Set<String> all = new HashSet<>(capabilities);
        for (String capability : more) {
            all.add(Objects.requireNonNull(capability, "capability must not be null"));
        }
        return new AgentQuery(all, metadata, health, filter);
    }

    /** Return a copy also requiring metadata {@code key} to equal {@code value}. */
    public AgentQuery andMetadata(String key, String value) {
        Map<String, String> all = new HashMap<>(metadata);
        all.put(Objects.requireNonNull(key, "key must not be null"), Objects.requireNonNull(value, "value must not be null"));
        return new AgentQuery(capabilities, all, health, filter);
    }

    /** Return a copy also requiring {@code health}. */
    public AgentQuery andHealth(Health required) {
        return new AgentQuery(capabilities, metadata, Optional.of(required), filter);
    }

    /** Return a copy also requiring the metadata to satisfy {@code predicate}. */
    public AgentQuery andFilter(Predicate<Map<String, String>> predicate) {
        Objects.requireNonNull(predicate, "predicate must not be null");
        return new AgentQuery(capabilities, metadata, health, filter.and(predicate));
    }
}
