// tag::first-perf-test[]
package com.example;

import java.util.Map;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

class PricesPerfTests {

    private final Prices prices = new Prices(Map.of("apple", 30, "pear", 40));

    @PerfTest(iterations = 10_000, warmupMs = 100)
    @Slo(p50Ms = 0.5, p99Ms = 5)
    void priceLookup(PerfContext ctx) {
        String item = ctx.invocation() % 2 == 0 ? "apple" : "pear";
        ctx.sink(prices.priceOf(item));
    }
}
// end::first-perf-test[]
