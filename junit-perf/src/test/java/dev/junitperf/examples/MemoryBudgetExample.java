package dev.junitperf.examples;

import java.util.HashMap;
import java.util.Map;

import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class MemoryBudgetExample {

    private final Map<Integer, String> cache = new HashMap<>();

    @PerfTest(iterations = 10_000)
    @Slo(p99Ms = 5)
    @MemoryBudget(maxAllocatedBytesPerOp = 64, maxRetainedBytesPerOp = 16)
    void cachedLookupAllocatesNothingAndLeaksNothing(PerfContext ctx) {
        int key = (int) (ctx.invocation() % 100);
        ctx.sink(cache.computeIfAbsent(key, k -> "value-" + k));
    }
}
// end::example[]
