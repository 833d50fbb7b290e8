package com.example;

import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

class AllocatingTest {

    @PerfTest(iterations = 10_000, warmupMs = 50)
    @MemoryBudget(maxAllocatedBytesPerOp = 1_024)
    void oneKilobytePerCall(PerfContext ctx) {
        ctx.sink(new byte[1024]);
    }
}
