package dev.junitperf.examples;

import java.util.HashMap;
import java.util.Map;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class BasicDocExample {

    private final Map<String, Integer> prices = new HashMap<>(Map.of("apple", 3, "pear", 4));

    @PerfTest(iterations = 10_000, warmupMs = 100)
    @Slo(p50Ms = 0.5, p99Ms = 5, maxErrorRate = 0)
    void priceLookup(PerfContext ctx) {
        ctx.sink(prices.get(ctx.invocation() % 2 == 0 ? "apple" : "pear"));
    }
}
// end::example[]
