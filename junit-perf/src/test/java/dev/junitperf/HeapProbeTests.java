package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.junitperf.internal.memory.GcControl;

class HeapProbeTests {

    private static volatile Object sink;

    @Test
    void allocationPerOperationIsExact() throws Exception {
        MemoryProfile p = HeapProbe.of(i -> sink = new byte[1024]).run(1_000);

        assertThat(p.allocatedBytes()).isEqualTo(1_040_000);
        assertThat(p.allocatedBytesPerOp()).isEqualTo(1_040.0);
    }

    @Test
    void leakShowsAsItsSlopeAndCleanWorkloadAsNone() throws Exception {
        assumeTrue(GcControl.untrustworthyReason().isEmpty(), "explicit GC must work for this test");
        List<byte[]> kept = new ArrayList<>();

        MemoryProfile leaking = HeapProbe.of(i -> kept.add(new byte[1024])).run(10_000);
        MemoryProfile clean = HeapProbe.of(i -> sink = new byte[1024]).run(10_000);

        assertThat(leaking.conclusive()).isTrue();
        assertThat(leaking.retainedBytesPerOp()).isBetween(1_040.0, 1_100.0);
        assertThat(leaking.retainedBytes()).isBetween(10_000_000L, 11_500_000L);
        assertThat(leaking.checkpoints()).hasSize(6);
        assertThat(clean.retainedBytesPerOp()).isBetween(-16.0, 16.0);
    }

    @Test
    void slopeIsTheMedianOfPairwiseSlopes() {
        List<MemoryProfile.Checkpoint> points = List.of(new MemoryProfile.Checkpoint(0, 100),
                new MemoryProfile.Checkpoint(10, 130), new MemoryProfile.Checkpoint(20, 150), new MemoryProfile.Checkpoint(30, 190));

        assertThat(HeapProbe.slope(points)).isEqualTo(3.0);
    }

    @Test
    void oneOutlyingCheckpointHardlyMovesTheSlope() {
        List<MemoryProfile.Checkpoint> points = new ArrayList<>();
        points.add(new MemoryProfile.Checkpoint(0, 3_000_000));
        for (int c = 1; c <= 5; c++) {
            points.add(new MemoryProfile.Checkpoint(c * 2_000L, c * 2_000L * 1_040));
        }

        assertThat(HeapProbe.slope(points)).isEqualTo(1_040.0);
    }

    @Test
    void badArgumentsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> HeapProbe.of(i -> { }).checkpoints(1))
                .hasMessage("HeapProbe requires that `checkpoints` be at least 2, but was 1: a slope needs two points after the baseline");
        assertThatThrownBy(() -> HeapProbe.of(i -> { }).run(3))
                .hasMessage("HeapProbe requires that `operations` be at least the number of checkpoints (5), but was 3");
        assertThatThrownBy(() -> HeapProbe.of(i -> { }).warmupOperations(-1))
                .hasMessage("HeapProbe requires that `warmupOperations` be 0 or greater, but was -1");
    }

    @Test
    void operationFailureIsPropagated() {
        assertThatThrownBy(() -> HeapProbe.of(i -> {
            throw new IllegalStateException("op " + i);
        }).warmupOperations(0).run(10)).isInstanceOf(IllegalStateException.class).hasMessage("op 0");
    }
}
