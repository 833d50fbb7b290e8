package com.example;

import org.junit.jupiter.api.BeforeAll;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

/** Compiled and run by the first build only: for the second, this test has been deleted. */
class DeletedPerfTests {

    @BeforeAll
    static void recordTheFork() throws Exception {
        Forks.record(DeletedPerfTests.class);
    }

    @PerfTest(iterations = 200, warmupMs = 20)
    void deleted(PerfContext ctx) {
        ctx.sink(ctx.invocation() * 17);
    }
}
