package dev.junitperf.examples;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfSweep;
import dev.junitperf.Slo;

// tag::example[]
class SweepDocExample {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {100, 1_000, 10_000})
    @PerfSweep(iterations = 500, warmupMs = 50)
    @Slo(p99Ms = 50)
    void sort(int n, PerfContext ctx) {
        int[] data = ctx.untimed(() -> new SplittableRandom(n).ints(n).toArray());
        Arrays.sort(data);
        ctx.sink(data[n / 2]);
    }
}
// end::example[]
