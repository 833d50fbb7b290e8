package dev.agentruntime.internal;

import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Hold the agents sharing one indexed attribute; a single writer, any number of lock-free readers.
 *
 * <p>Design notes: readers take one volatile {@link Snapshot} and scan its arrays up to its size.
 * The writer appends in place beyond every published size and then publishes a new snapshot, so a
 * reader never sees a half-written prefix. Removal nulls the slot in place (a concurrent reader
 * either still sees the departing agent or not, both correct) and compacts into fresh arrays once
 * three quarters of the slots are empty, reporting every moved agent's new slot. Next to each agent
 * the list keeps its capability set, canonicalized by the registry so that all agents with the same
 * capabilities share one set: checking a second capability then reads a hot object instead of
 * missing the cache on every candidate agent.
 */
final class IndexList {

    /**
     * Publish a consistent prefix of the list.
     *
     * @param cells the agents, with nulls for removed ones
     * @param capabilities the capability set of the agent at the same index
     * @param size how many entries are valid
     */
    record Snapshot(AgentCell[] cells, Set<?>[] capabilities, int size) {
    }

    private final String key;
    private volatile Snapshot snapshot = new Snapshot(new AgentCell[0], new Set<?>[0], 0);
    private int live;

    /** Create an empty list for the attribute {@code key}, a canonical instance. */
    IndexList(String key) {
        this.key = key;
    }

    /** Return the indexed attribute; the same instance as in every canonical capability set. */
    String key() {
        return key;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Return the number of agents in the list; readers get a racy but safe estimate. */
    int size() {
        return live;
    }

    /** Append {@code cell} with its canonical capability set (writer only) and return its slot. */
    int add(AgentCell cell, Set<String> capabilities, ObjIntConsumer<AgentCell> relocated) {
        Snapshot current = snapshot;
        if (current.size() == current.cells().length) {
            if (live < current.size() / 2) {
                compact(relocated);
                current = snapshot;
            }
            if (current.size() == current.cells().length) {
                current = grown(current, Math.max(8, current.cells().length * 2));
            }
        }
        int slot = current.size();
        current.cells()[slot] = cell;
        current.capabilities()[slot] = capabilities;
        live++;
        snapshot = new Snapshot(current.cells(), current.capabilities(), slot + 1);
        return slot;
    }

    private static Snapshot grown(Snapshot current, int capacity) {
        AgentCell[] cells = new AgentCell[capacity];
        Set<?>[] capabilities = new Set<?>[capacity];
        System.arraycopy(current.cells(), 0, cells, 0, current.size());
        System.arraycopy(current.capabilities(), 0, capabilities, 0, current.size());
        return new Snapshot(cells, capabilities, current.size());
    }

    /** Remove the agent at {@code slot} (writer only). */
    void remove(int slot, ObjIntConsumer<AgentCell> relocated) {
        Snapshot current = snapshot;
        current.cells()[slot] = null;
        live--;
        if (live < current.size() / 4 && current.size() > 32) {
            compact(relocated);
        }
    }

    private void compact(ObjIntConsumer<AgentCell> relocated) {
        Snapshot current = snapshot;
        int capacity = Math.max(8, live * 2);
        AgentCell[] cells = new AgentCell[capacity];
        Set<?>[] capabilities = new Set<?>[capacity];
        int n = 0;
        for (int i = 0; i < current.size(); i++) {
            AgentCell cell = current.cells()[i];
            if (cell != null) {
                cells[n] = cell;
                capabilities[n] = current.capabilities()[i];
                relocated.accept(cell, n);
                n++;
            }
        }
        snapshot = new Snapshot(cells, capabilities, n);
    }
}
