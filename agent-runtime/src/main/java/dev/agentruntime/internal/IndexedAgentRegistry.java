package dev.agentruntime.internal;

import static dev.agentruntime.ApiStatus.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import dev.agentruntime.AgentInfo;
import dev.agentruntime.AgentQuery;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentRegistry;
import dev.agentruntime.ApiStatus;
import dev.agentruntime.DuplicateAgentIdException;
import dev.agentruntime.Health;
import dev.agentruntime.UnknownAgentException;

/**
 * Index agents by id, capability, metadata pair and health: serialized writes, lock-free reads.
 *
 * <p>Design notes (CQRS): every write takes {@code writeLock}, so the {@link IndexList}s each have a
 * single writer; readers go through {@code ConcurrentHashMap}s and list snapshots without locking.
 * Each agent remembers its slot in each of its lists ({@code AgentCell.slot(j)}, in capability then
 * metadata iteration order, plus {@code healthSlot}), making removal O(1) amortized. Queries are
 * answered by {@link IndexWalk}, the read side.
 */
@ApiStatus(status = INTERNAL)
public final class IndexedAgentRegistry implements AgentRegistry {

    private static final char SEPARATOR = '\u0000';

    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentHashMap<String, AgentCell> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, IndexList> byCapability = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, IndexList> byMetadata = new ConcurrentHashMap<>();
    private final Map<Set<String>, Set<String>> canonicalCapabilities = new HashMap<>();
    private final Map<String, String> canonicalNames = new HashMap<>();
    private final IndexList[] byHealth = new IndexList[Health.values().length];
    private final ObjIntConsumer<AgentCell> healthRelocator = (cell, slot) -> cell.healthSlot = slot;
    private final IndexWalk walk = new IndexWalk(byId, byCapability, byMetadata, byHealth);

    IndexedAgentRegistry() {
        for (int i = 0; i < byHealth.length; i++) {
            byHealth[i] = new IndexList(Health.values()[i].name());
        }
    }

    void register(AgentCell cell) {
        writeLock.lock();
        try {
            if (byId.putIfAbsent(cell.id(), cell) != null) {
                throw new DuplicateAgentIdException("an agent with id '" + cell.id() + "' is already running; "
                        + "choose another id or stop the existing agent first");
            }
            Set<String> capabilities = cell.capabilities();
            cell.allocateSlots(capabilities.size() + cell.metadata.size());
            addToIndexes(cell);
            cell.healthSlot = byHealth[cell.health.ordinal()].add(cell, canonical(cell), healthRelocator);
        } finally {
            writeLock.unlock();
        }
    }

    void unregister(AgentCell cell) {
        writeLock.lock();
        try {
            if (!byId.remove(cell.id(), cell)) {
                return;
            }
            removeFromIndexes(cell);
            byHealth[cell.health.ordinal()].remove(cell.healthSlot, healthRelocator);
        } finally {
            writeLock.unlock();
        }
    }

    private void addToIndexes(AgentCell cell) {
        Set<String> capabilities = canonical(cell);
        int j = 0;
        for (String capability : cell.capabilities()) {
            cell.setSlot(j++, byCapability.computeIfAbsent(capability, c -> new IndexList(canonicalName(c)))
                    .add(cell, capabilities, capabilityRelocator(capability)));
        }
        for (Map.Entry<String, String> entry : cell.metadata.entrySet()) {
            String key = metadataKey(entry.getKey(), entry.getValue());
            cell.setSlot(j++, byMetadata.computeIfAbsent(key, k -> new IndexList(k))
                    .add(cell, capabilities, metadataRelocator(entry.getKey())));
        }
    }

    private void removeFromIndexes(AgentCell cell) {
        int j = 0;
        for (String capability : cell.capabilities()) {
            byCapability.get(capability).remove(cell.slot(j++), capabilityRelocator(capability));
        }
        for (Map.Entry<String, String> entry : cell.metadata.entrySet()) {
            byMetadata.get(metadataKey(entry.getKey(), entry.getValue()))
                    .remove(cell.slot(j++), metadataRelocator(entry.getKey()));
        }
    }

    /**
     * Return the shared set equal to the agent's capabilities, made of canonical name instances
     * (writer only; one per distinct set), so capability checks in queries hit on identity.
     */
    private Set<String> canonical(AgentCell cell) {
        return canonicalCapabilities.computeIfAbsent(cell.capabilities(),
                c -> Set.copyOf(c.stream().map(this::canonicalName).toList()));
    }

    private String canonicalName(String name) {
        return canonicalNames.computeIfAbsent(name, n -> n);
    }

    private static ObjIntConsumer<AgentCell> capabilityRelocator(String capability) {
        return (cell, slot) -> {
            int j = 0;
            for (String c : cell.capabilities()) {
                if (c.equals(capability)) {
                    cell.setSlot(j, slot);
                    return;
                }
                j++;
            }
        };
    }

    private static ObjIntConsumer<AgentCell> metadataRelocator(String key) {
        return (cell, slot) -> {
            int j = cell.capabilities().size();
            for (String k : cell.metadata.keySet()) {
                if (k.equals(key)) {
                    cell.setSlot(j, slot);
                    return;
                }
                j++;
            }
        };
    }

    static String metadataKey(String key, String value) {
        return key + SEPARATOR + value;
    }

    @Override
    public void setHealth(String id, Health health) {
        Objects.requireNonNull(health, "health must not be null");
        writeLock.lock();
        try {
            AgentCell cell = existing(id);
            if (cell.health != health) {
                byHealth[cell.health.ordinal()].remove(cell.healthSlot, healthRelocator);
                cell.health = health;
                cell.healthSlot = byHealth[health.ordinal()].add(cell, canonical(cell), healthRelocator);
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void setMetadata(String id, Map<String, String> metadata) {
        Map<String, String> frozen = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
        writeLock.lock();
        try {
            AgentCell cell = existing(id);
            removeFromIndexes(cell);
            cell.metadata = frozen;
            cell.allocateSlots(cell.capabilities().size() + frozen.size());
            addToIndexes(cell);
        } finally {
            writeLock.unlock();
        }
    }

    private AgentCell existing(String id) {
        AgentCell cell = byId.get(Objects.requireNonNull(id, "id must not be null"));
        if (cell == null) {
            throw new UnknownAgentException("no agent is registered under id '" + id + "'");
        }
        return cell;
    }

    AgentCell cell(String id) {
        return byId.get(id);
    }

    /** Return all registered agents (a weakly consistent view). */
    Iterable<AgentCell> cells() {
        return byId.values();
    }

    @Override
    public Optional<AgentRef> lookup(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id must not be null")));
    }

    @Override
    public Optional<AgentInfo> info(String id) {
        AgentCell cell = byId.get(Objects.requireNonNull(id, "id must not be null"));
        return cell == null
                ? Optional.empty()
                : Optional.of(new AgentInfo(cell, cell.capabilities(), cell.metadata, cell.health));
    }

    @Override
    public List<AgentRef> find(AgentQuery query) {
        List<AgentRef> found = new ArrayList<>();
        forEachMatch(query, found::add);
        return found;
    }

    @Override
    public int count(AgentQuery query) {
        int[] n = new int[1];
        forEachMatch(query, cell -> n[0]++);
        return n[0];
    }

    @Override
    public int size() {
        return byId.size();
    }

    /** Apply {@code action} to every agent matching {@code query}; see {@link IndexWalk}. */
    void forEachMatch(AgentQuery query, Consumer<? super AgentCell> action) {
        walk.forEachMatch(query, action);
    }
}
