package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.internal.memory.AllocationCounters;
import dev.junitperf.internal.memory.GcControl;

/**
 * Measure what a workload allocates and retains per operation; usable from any test or property library.
 *
 * <pre>{@code
 * MemoryProfile p = HeapProbe.of(i -> cache.put(i % 100, "v")).run(5_000);
 * assertThat(p.retainedBytesPerOp()).isLessThan(1_024);
 * }</pre>
 *
 * <p>The probe first runs warmup operations (class loading and lazy initialisation are not leaks),
 * then forces full GCs for a baseline, runs the measured operations in equal chunks, and forces full
 * GCs after each chunk. The retained growth per operation is the Theil–Sen slope through these
 * checkpoints (the median of all pairwise slopes), so one noisy checkpoint cannot decide it.
 * Operations run on the calling thread, and only its allocations are counted. Builders are
 * immutable: each call returns a new probe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HeapProbe {

    /** Perform one operation of the workload. */
    @FunctionalInterface
    public interface Operation {

        /** Perform operation number {@code index}, counting from 0 (warmup operations included). */
        void run(long index) throws Exception;
    }

    private final Operation operation;
    private final int checkpoints;
    private final long warmupOperations;

    private HeapProbe(Operation operation, int checkpoints, long warmupOperations) {
        this.operation = operation;
        this.checkpoints = checkpoints;
        this.warmupOperations = warmupOperations;
    }

    /** Start a probe for {@code operation}: 5 checkpoints, warmup of a tenth of the operations (at most 1,000). */
    public static HeapProbe of(Operation operation) {
        return new HeapProbe(Objects.requireNonNull(operation, "operation"), 5, -1);
    }

    /** Take this many checkpoints after the baseline (at least 2). */
    public HeapProbe checkpoints(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("HeapProbe requires that `checkpoints` be at least 2, but was " + count
                    + ": a slope needs two points after the baseline");
        }
        return new HeapProbe(operation, count, warmupOperations);
    }

    /** Run this many operations before the baseline. */
    public HeapProbe warmupOperations(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("HeapProbe requires that `warmupOperations` be 0 or greater, but was " + count);
        }
        return new HeapProbe(operation, checkpoints, count);
    }

    /**
     * Run {@code operations} measured operations and return what they allocated and retained.
     *
     * @throws Exception whatever an operation throws
     */
    public MemoryProfile run(long operations) throws Exception {
        if (operations < checkpoints) {
            throw new IllegalArgumentException("HeapProbe requires that `operations` be at least the number of checkpoints ("
                    + checkpoints + "), but was " + operations);
        }
        long warmup = warmupOperations >= 0 ? warmupOperations : Math.min(1_000, operations / 10);
        long index = 0;
        for (; index < warmup; index++) {
            operation.run(index);
        }
        List<String> warnings = new ArrayList<>();
        GcControl.deadSpaceWarning().ifPresent(warnings::add);
        Optional<String> untrustworthy = GcControl.untrustworthyReason();
        List<MemoryProfile.Checkpoint> points = new ArrayList<>();
        Optional<Long> baseline = untrustworthy.isPresent() ? Optional.empty() : GcControl.usedHeapAfterFullGc();
        baseline.ifPresent(b -> points.add(new MemoryProfile.Checkpoint(0, b)));
        boolean gcWorked = baseline.isPresent();
        long allocated = 0;
        long done = 0;
        for (int c = 1; c <= checkpoints; c++) {
            long target = operations * c / checkpoints;
            long before = AllocationCounters.currentThread();
            for (; done < target; done++, index++) {
                operation.run(index);
            }
            allocated += AllocationCounters.currentThread() - before;
            if (gcWorked) {
                Optional<Long> used = GcControl.usedHeapAfterFullGc();
                gcWorked = used.isPresent();
                used.ifPresent(u -> points.add(new MemoryProfile.Checkpoint(target, u)));
            }
        }
        Optional<String> inconclusive = untrustworthy.isPresent() ? untrustworthy
                : gcWorked ? Optional.empty() : Optional.of("System.gc() did not run a collection, so no heap figure after GC exists");
        if (inconclusive.isPresent()) {
            return new MemoryProfile(operations, allocated, 0, Double.NaN, points, inconclusive, warnings);
        }
        long retained = points.get(points.size() - 1).usedHeapBytes() - points.get(0).usedHeapBytes();
        return new MemoryProfile(operations, allocated, retained, slope(points), points, Optional.empty(), warnings);
    }

    /**
     * Return the Theil–Sen slope: the median of the slopes between every pair of checkpoints.
     *
     * <p>Unlike a least-squares fit, one outlying checkpoint (a cache held by soft references that a
     * later GC clears, say) moves it hardly at all, so the verdict rests on the trend.
     */
    static double slope(List<MemoryProfile.Checkpoint> points) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                long dx = points.get(j).operations() - points.get(i).operations();
                if (dx != 0) {
                    slopes.add((double) (points.get(j).usedHeapBytes() - points.get(i).usedHeapBytes()) / dx);
                }
            }
        }
        if (slopes.isEmpty()) {
            return 0;
        }
        Collections.sort(slopes);
        int n = slopes.size();
        return n % 2 == 1 ? slopes.get(n / 2) : (slopes.get(n / 2 - 1) + slopes.get(n / 2)) / 2;
    }
}
