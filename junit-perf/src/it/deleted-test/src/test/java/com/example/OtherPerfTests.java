package com.example;

import org.junit.jupiter.api.BeforeAll;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

class OtherPerfTests {

    @BeforeAll
    static void recordTheFork() throws Exception {
        Forks.record(OtherPerfTests.class);
    }

    @PerfTest(iterations = 200, warmupMs = 20)
    void other(PerfContext ctx) {
        ctx.sink(ctx.invocation() * 31);
    }
}
