package dev.junitperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import dev.junitperf.HeapProbe;
import dev.junitperf.MemoryProfile;

// tag::example[]
class HeapProbeExample {

    private final Deque<String> queue = new ArrayDeque<>();

    @Test
    void queueDoesNotGrowWithTraffic() {
        qt().withExamples(5).forAll(integers().between(1_000, 5_000)).checkAssert(operations -> {
            MemoryProfile profile = probe(operations);
            assertThat(profile.retainedBytesPerOp()).isLessThan(1_024);
        });
    }

    private MemoryProfile probe(int operations) {
        try {
            return HeapProbe.of(i -> {
                queue.addLast("message " + i);
                queue.removeFirst();
            }).warmupOperations(1).run(operations);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
// end::example[]
