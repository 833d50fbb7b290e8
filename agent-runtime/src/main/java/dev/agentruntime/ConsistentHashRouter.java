package dev.agentruntime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Send equal keys to the same routee using a hash ring with virtual nodes; immutable, so thread-safe.
 */
final class ConsistentHashRouter implements Router {

    private final TreeMap<Integer, AgentRef> ring = new TreeMap<>();
    private final Function<Object, ?> keyOf;

    /** Create a router over {@code routees} with {@code virtualNodes} ring points per routee. */
    ConsistentHashRouter(List<AgentRef> routees, Function<Object, ?> keyOf, int virtualNodes) {
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf must not be null");
        for (AgentRef routee : Routees.of(routees)) {
            for (int v = 0; v < virtualNodes; v++) {
                ring.put(mix((routee.id() + "#" + v).hashCode()), routee);
            }
        }
    }

    @Override
    public AgentRef select(Object message) {
        Object key = Objects.requireNonNull(keyOf.apply(message), "keyOf returned null");
        Map.Entry<Integer, AgentRef> entry = ring.ceilingEntry(mix(key.hashCode()));
        return (entry == null ? ring.firstEntry() : entry).getValue();
    }

    /** Spread poorly distributed {@code hashCode}s over the ring (the MurmurHash3 finalizer). */
    private static int mix(int h) {
        int x = h;
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        return x;
    }
}
