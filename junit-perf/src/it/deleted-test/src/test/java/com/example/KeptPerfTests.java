package com.example;

import org.junit.jupiter.api.BeforeAll;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

class KeptPerfTests {

    @BeforeAll
    static void recordTheFork() throws Exception {
        Forks.record(KeptPerfTests.class);
    }

    @PerfTest(iterations = 200, warmupMs = 20)
    void kept(PerfContext ctx) {
        ctx.sink(ctx.invocation() * 31);
    }
}
