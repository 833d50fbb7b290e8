package com.example;

import java.util.Map;

import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension's main features on JUnit 5.10: a perf test with objectives and a memory budget, and a sweep. */
class PricesPerfTests {

    private final Prices prices = new Prices(Map.of("apple", 30, "pear", 40));

    @PerfTest(iterations = 10_000, warmupMs = 100)
    @Slo(p50Ms = 0.5, p99Ms = 5, maxErrorRate = 0)
    @MemoryBudget(maxAllocatedBytesPerOp = 256)
    void priceLookup(PerfContext ctx) {
        ctx.sink(prices.priceOf(ctx.invocation() % 2 == 0 ? "apple" : "pear"));
    }

    @ParameterizedTest(name = "item = {0}")
    @ValueSource(strings = {"apple", "pear"})
    @PerfSweep(iterations = 1_000, warmupMs = 50)
    @Slo(p99Ms = 5)
    void lookupOf(String item, PerfContext ctx) {
        ctx.sink(prices.priceOf(item));
    }
}
