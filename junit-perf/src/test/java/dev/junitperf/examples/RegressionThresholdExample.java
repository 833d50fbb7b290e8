package dev.junitperf.examples;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class RegressionThresholdExample {

    @PerfTest(iterations = 5_000)
    @Slo(p99Ms = 5, regressionWarnPct = 10, regressionFailPct = 25)
    void parseOrder(PerfContext ctx) {
        ctx.sink(Integer.parseInt("12345") + ctx.invocation());
    }
}
// end::example[]
