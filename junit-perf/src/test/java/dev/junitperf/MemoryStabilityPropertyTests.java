package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.junitperf.internal.memory.GcControl;

/**
 * Express "for every operation count and every mix of operations, retained growth stays under 1 KB/op"
 * with QuickTheories on top of the framework-neutral {@link HeapProbe}.
 */
class MemoryStabilityPropertyTests {

    private static final double BUDGET_BYTES_PER_OP = 1_024;
    /** Heap after full GC jitters by a few KB; below ~64 operations that noise would dominate a slope. */
    private static final double NOISE_FLOOR_BYTES = 64 * 1024;

    @BeforeEach
    void explicitGcWorks() {
        assumeTrue(GcControl.untrustworthyReason().isEmpty(), "explicit GC must work for memory properties");
    }

    @Test
    void cleanWorkloadStaysUnderOneKilobytePerOperation() {
        qt().withExamples(12).withShrinkCycles(0)
                .forAll(integers().between(5, 5_000), lists().of(integers().between(0, 1)).ofSizeBetween(1, 6))
                .checkAssert((count, mix) -> assertThat(retainedGrowthPerOp(new Workload(), count, mix))
                        .isLessThanOrEqualTo(allowance(count)));
    }

    @Test
    void leakingOperationIsCaughtAndShrunkToASmallFailingInput() {
        assertThatThrownBy(() -> qt().withExamples(30).withShrinkCycles(40).withFixedSeed(7)
                .forAll(integers().between(5, 5_000), lists().of(integers().between(0, 2)).ofSizeBetween(1, 6))
                .check((count, mix) -> retainedGrowthPerOp(new Workload(), count, mix) <= allowance(count)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property falsified")
                .hasMessageMatching("(?s).*Smallest found falsifying value\\(s\\).*\\{\\d+, \\[[0-2, ]*2[0-2, ]*\\]\\}.*");
    }

    private static double allowance(int count) {
        return BUDGET_BYTES_PER_OP + NOISE_FLOOR_BYTES / count;
    }

    private static double retainedGrowthPerOp(Workload workload, int count, List<Integer> mix) {
        try {
            MemoryProfile p = HeapProbe.of(i -> workload.apply(mix.get((int) (i % mix.size())))).warmupOperations(0).run(count);
            assertThat(p.conclusive()).as(p.inconclusive().orElse("")).isTrue();
            return p.retainedBytesPerOp();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small stateful system: op 0 pushes and pops, op 1 makes garbage, op 2 leaks 4 KB (the planted bug). */
    static final class Workload {
        private final Deque<byte[]> stack = new ArrayDeque<>();
        private final List<byte[]> leaked = new ArrayList<>();
        private long checksum;

        void apply(int op) {
            switch (op) {
                case 0 -> {
                    stack.push(new byte[256]);
                    checksum += stack.pop().length;
                }
                case 1 -> checksum += new byte[512].length;
                default -> leaked.add(new byte[4096]);
            }
        }
    }
}
