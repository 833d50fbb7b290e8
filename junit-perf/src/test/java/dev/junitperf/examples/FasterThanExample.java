package dev.junitperf.examples;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
class FasterThanExample {

    private final int[] data = new SplittableRandom(42).ints(2_000).toArray();

    @PerfTest(iterations = 2_000)
    @Slo(fasterThan = "sortWithStreams", byFactor = 1.5)
    void sortInPlace(PerfContext ctx) {
        int[] copy = ctx.untimed(() -> data.clone());
        Arrays.sort(copy);
        ctx.sink(copy[0]);
    }

    void sortWithStreams(PerfContext ctx) {
        ctx.sink(IntStream.of(data).boxed().sorted().mapToInt(Integer::intValue).toArray()[0]);
    }
}
// end::example[]
