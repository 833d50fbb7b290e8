package dev.junitperf.examples;

import java.util.concurrent.ConcurrentHashMap;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class ConcurrencyDocExample {

    private final ConcurrentHashMap<Long, Long> map = new ConcurrentHashMap<>();

    @PerfTest(iterations = 20_000, threads = 2, warmupMs = 100)
    @Slo(p99Ms = 5, minThroughputPerSec = 10_000)
    void concurrentUpdates(PerfContext ctx) {
        ctx.sink(map.merge(ctx.invocation() % 1_000, 1L, Long::sum));
    }

    @PerfTest(ratePerSec = 1_000, durationMs = 1_000, warmupMs = 100, clock = PerfClock.WALL_MINUS_RUNQUEUE)
    @Slo(p99Ms = 20)
    void requestsAtAFixedRate(PerfContext ctx) {
        ctx.sink(map.getOrDefault(ctx.invocation() % 1_000, 0L));
    }
}
// end::example[]
