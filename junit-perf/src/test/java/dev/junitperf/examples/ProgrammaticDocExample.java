package dev.junitperf.examples;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import dev.junitperf.Perf;
import dev.junitperf.PerfAssertions;
import dev.junitperf.PerfResult;

// tag::example[]
class ProgrammaticDocExample {

    @Test
    void queueOperationsStayFast() {
        Deque<Integer> queue = new ArrayDeque<>();

        PerfResult result = Perf.measure(ctx -> {
            queue.addLast((int) ctx.invocation());
            ctx.sink(queue.removeFirst());
        }).named("queue add+remove").warmupMs(100).iterations(10_000).run();

        PerfAssertions.assertThat(result)
                .hasNoErrors()
                .hasP50AtMostMs(0.5)
                .hasP99AtMostMs(5)
                .hasThroughputAtLeast(1_000);
    }
}
// end::example[]
