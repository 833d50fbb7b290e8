package dev.junitperf.examples;

import java.util.HashMap;
import java.util.Map;

import dev.junitperf.LoadProfile;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Phase;
import dev.junitperf.PhaseSlo;
import dev.junitperf.RecoverySlo;
import dev.junitperf.Slo;

// tag::example[]
class LoadProfileDocExample {

    private final Map<Integer, String> quotes = new HashMap<>();

    LoadProfileDocExample() {
        for (int i = 0; i < 1_000; i++) {
            quotes.put(i, "q" + i);
        }
    }

    /** Ramp up, hold, burst to ten times the rate, come back: each phase judged on its own. */
    @PerfTest(warmupMs = 200)
    @LoadProfile({
        @Phase(name = "ramp", fromPerSec = 0, toPerSec = 1_000, durationMs = 500),
        @Phase(name = "base", ratePerSec = 1_000, durationMs = 500),
        @Phase(name = "burst", ratePerSec = 10_000, durationMs = 500),
        @Phase(name = "after", ratePerSec = 1_000, durationMs = 1_000)})
    @Slo(p99Ms = 20)
    @PhaseSlo(phase = "burst", p99Ms = 10)
    @RecoverySlo(after = "burst", maxRecoveryMs = 400, percentile = 90, factor = 3)
    void quoteThroughABurst(PerfContext ctx) {
        ctx.sink(quotes.get((int) (ctx.invocation() % 1_000)));
    }
}
// end::example[]
