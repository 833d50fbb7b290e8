package dev.junitperf.examples;

import java.util.Locale;
import java.util.TreeMap;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class ClockDocExample {

    private final TreeMap<Integer, String> quotes = new TreeMap<>();

    ClockDocExample() {
        for (int i = 0; i < 10_000; i++) {
            quotes.put(i * 7, "q" + i);
        }
    }

    /** One thread's own work: judged on its CPU time, which a busy neighbour does not stretch. */
    @PerfTest(iterations = 20_000, warmupMs = 100, clock = PerfClock.CPU)
    @Slo(p50Ms = 0.05, p99Ms = 0.5)
    void formatQuote(PerfContext ctx) {
        String quote = quotes.ceilingEntry((int) (ctx.invocation() % 70_000)).getValue();
        ctx.sink(String.format(Locale.ROOT, "%s at %.2f", quote, 3.0 + ctx.invocation() % 7));
    }

    /** Requests at a fixed rate: wall time minus the time other processes kept this thread off the CPU. */
    @PerfTest(ratePerSec = 1_000, durationMs = 1_000, warmupMs = 100, clock = PerfClock.WALL_MINUS_RUNQUEUE)
    @Slo(p99Ms = 5)
    void quoteAtAFixedRate(PerfContext ctx) {
        ctx.sink(quotes.floorKey((int) (ctx.invocation() % 70_000)));
    }
}
// end::example[]
