package com.example;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

class SpinTest {

    @PerfTest(iterations = 300, warmupMs = 50)
    @Slo(p99Ms = 1_000)
    void spin200us(PerfContext ctx) {
        long end = System.nanoTime() + 200_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        ctx.sink(end);
    }
}
