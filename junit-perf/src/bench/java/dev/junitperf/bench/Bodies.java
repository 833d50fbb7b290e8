package dev.junitperf.bench;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.junitperf.PerfTest;

/**
 * Hold the bodies that {@link JmhComparisonBenchmark} measures with both JMH and junit-perf.
 *
 * <p>Each body is one static method, called unchanged from a JMH {@code @Benchmark} method (which returns
 * its value to JMH's blackhole) and from a {@code @PerfTest} method (which passes it to {@code ctx.sink}),
 * so the two tools time the same code. Each body's state is built from fixed seeds by the same constructor;
 * each tool holds its own instance, and a state is used by one thread only.
 */
final class Bodies {

    /** Keys in the hash-lookup map: ~100k entries, several MiB of nodes, so lookups miss the caches. */
    static final int MAP_ENTRIES = 100_000;
    /**
     * Xorshift rounds of the ~200 µs body (about 2.4 ns a round at 2 GHz): fixed work, so both tools see the
     * same body, not a spin on a clock.
     */
    static final int SPIN_ROUNDS = 83_000;
    private static final int LOOKUP_KEYS = 1 << 17;

    private Bodies() {
    }

    /** Do nothing: the floor of each tool. */
    static void empty() {
        // Nothing: what is measured is the tool's own loop.
    }

    /** Return {@code log(seed + i)} for a counter that changes with every call (10–30 ns). */
    static double arithmetic(ArithmeticState state) {
        return Math.log(state.seed + state.counter++);
    }

    /** Look one of the map's keys up, a different one on every call (~100 ns). */
    static Integer hashLookup(HashLookupState state) {
        Integer key = state.keys[state.next++ & (LOOKUP_KEYS - 1)];
        return state.map.get(key);
    }

    /** Serialise a small record with Jackson, a real library call (~0.5 µs). */
    static String jackson(JacksonState state) {
        try {
            return state.mapper.writeValueAsString(state.quote);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run a fixed number of dependent xorshift rounds (~200 µs of CPU work). */
    static long spin(SpinState state) {
        long x = state.seed;
        for (int i = 0; i < SPIN_ROUNDS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        state.seed = x;
        return x;
    }

    /** Hold the arithmetic body's seed and its counter. */
    static final class ArithmeticState {
        private final double seed = 1.000_001;
        private long counter;
    }

    /** Hold the map and the keys looked up, in a seeded random order. */
    static final class HashLookupState {
        private final Map<Integer, Integer> map = new HashMap<>();
        private final Integer[] keys = new Integer[LOOKUP_KEYS];
        private int next;

        HashLookupState() {
            SplittableRandom random = new SplittableRandom(42);
            List<Integer> present = new ArrayList<>(MAP_ENTRIES);
            while (map.size() < MAP_ENTRIES) {
                int key = random.nextInt();
                if (map.putIfAbsent(key, key ^ 0x5bd1e995) == null) {
                    present.add(key);
                }
            }
            for (int i = 0; i < LOOKUP_KEYS; i++) {
                // Boxed anew (random ints lie outside Integer's cache), not the map's own instance: the lookup
                // compares keys with equals, as a caller's does.
                keys[i] = Integer.valueOf(present.get(random.nextInt(MAP_ENTRIES)).intValue());
            }
        }
    }

    /** Hold the mapper and the record it writes. */
    static final class JacksonState {
        private final ObjectMapper mapper = new ObjectMapper();
        private final Quote quote = new Quote("ACME", 1_764_547_200_000L, 101.25, 101.5, 300, List.of("XNAS", "XNYS", "BATS"));
    }

    /** Hold the spin body's running value, so no call can be folded into a constant. */
    static final class SpinState {
        private long seed = 0x9E3779B97F4A7C15L;
    }

    /**
     * A small quote, written by {@link #jackson}.
     *
     * @param symbol the instrument
     * @param epochMillis when it was quoted
     * @param bid the bid price
     * @param ask the ask price
     * @param size the quoted size
     * @param venues where it was quoted
     */
    record Quote(String symbol, long epochMillis, double bid, double ask, int size, List<String> venues) {
    }
}
