package dev.agentruntime.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.agentruntime.AgentQuery;

/**
 * Answer registry queries without locking: the read side of {@link IndexedAgentRegistry}.
 *
 * <p>A query walks only the shortest index list among its conditions, so it costs O(shortest list).
 */
final class IndexWalk {

    private static final int NONE = 0;
    private static final int CAPABILITY = 1;
    private static final int METADATA = 2;
    private static final int HEALTH = 3;

    private final ConcurrentHashMap<String, AgentCell> byId;
    private final ConcurrentHashMap<String, IndexList> byCapability;
    private final ConcurrentHashMap<String, IndexList> byMetadata;
    private final IndexList[] byHealth;

    IndexWalk(ConcurrentHashMap<String, AgentCell> byId, ConcurrentHashMap<String, IndexList> byCapability,
            ConcurrentHashMap<String, IndexList> byMetadata, IndexList[] byHealth) {
        this.byId = byId;
        this.byCapability = byCapability;
        this.byMetadata = byMetadata;
        this.byHealth = byHealth;
    }

    /**
     * Apply {@code action} to every agent matching {@code query}, walking the shortest index list.
     *
     * <p>Conditions implied by the walked list are not re-checked; further capabilities are checked
     * against the list's capability column; only metadata, health and filters read the agent itself.
     * An agent stopping concurrently may still be reported, as its removal races with the walk.
     */
    void forEachMatch(AgentQuery query, Consumer<? super AgentCell> action) {
        Objects.requireNonNull(query, "query must not be null");
        IndexList shortest = null;
        int walkedKind = NONE;
        String[] required = new String[query.capabilities().size()];
        int r = 0;
        for (String capability : query.capabilities()) {
            IndexList list = byCapability.get(capability);
            if (list == null) {
                return;
            }
            required[r++] = list.key();
            if (shortest == null || list.size() < shortest.size()) {
                shortest = list;
                walkedKind = CAPABILITY;
            }
        }
        for (Map.Entry<String, String> entry : query.metadata().entrySet()) {
            IndexList list = byMetadata.get(IndexedAgentRegistry.metadataKey(entry.getKey(), entry.getValue()));
            if (list == null) {
                return;
            }
            if (shortest == null || list.size() < shortest.size()) {
                shortest = list;
                walkedKind = METADATA;
            }
        }
        if (query.health().isPresent()) {
            IndexList list = byHealth[query.health().get().ordinal()];
            if (shortest == null || list.size() < shortest.size()) {
                shortest = list;
                walkedKind = HEALTH;
            }
        }
        if (shortest == null) {
            for (AgentCell cell : byId.values()) {
                if (matchesAgent(cell, query)) {
                    action.accept(cell);
                }
            }
            return;
        }
        boolean checkCapabilities = query.capabilities().size() > (walkedKind == CAPABILITY ? 1 : 0);
        boolean checkAgent = query.metadata().size() > (walkedKind == METADATA ? 1 : 0)
                || (query.health().isPresent() && walkedKind != HEALTH)
                || query.hasFilter();
        IndexList.Snapshot snapshot = shortest.snapshot();
        AgentCell[] cells = snapshot.cells();
        Set<?>[] capabilities = snapshot.capabilities();
        for (int i = 0, n = snapshot.size(); i < n; i++) {
            AgentCell cell = cells[i];
            if (cell != null
                    && (!checkCapabilities || containsAll(capabilities[i], required))
                    && (!checkAgent || matchesAgent(cell, query))) {
                action.accept(cell);
            }
        }
    }

    private static boolean containsAll(Set<?> capabilities, String[] required) {
        for (String capability : required) {
            if (!capabilities.contains(capability)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAgent(AgentCell cell, AgentQuery query) {
        Set<String> capabilities = cell.capabilities();
        for (String capability : query.capabilities()) {
            if (!capabilities.contains(capability)) {
                return false;
            }
        }
        Map<String, String> metadata = cell.metadata;
        for (Map.Entry<String, String> entry : query.metadata().entrySet()) {
            if (!entry.getValue().equals(metadata.get(entry.getKey()))) {
                return false;
            }
        }
        if (query.health().isPresent() && query.health().get() != cell.health) {
            return false;
        }
        return query.filter().test(metadata);
    }
}
