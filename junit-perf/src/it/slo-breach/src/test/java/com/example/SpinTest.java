package com.example;

import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

class SpinTest {

    @PerfTest(iterations = 300, warmupMs = 50)
    @Slo(p99Ms = 0.01)
    void spin200us() {
        long end = System.nanoTime() + 200_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
