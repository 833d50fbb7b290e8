package dev.junitperf.examples;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
@Slo(p99Ms = 10, maxErrorRate = 0)
class ClassLevelSloDocExample {

    @PerfTest(iterations = 1_000, warmupMs = 50)
    void inheritsBothObjectives(PerfContext ctx) {
        ctx.sink(Long.toHexString(ctx.invocation()));
    }

    @PerfTest(iterations = 1_000, warmupMs = 50)
    @Slo(p99Ms = 20)
    void relaxesOnlyTheLatency(PerfContext ctx) {
        ctx.sink(Long.toBinaryString(ctx.invocation()));
    }
}
// end::example[]
