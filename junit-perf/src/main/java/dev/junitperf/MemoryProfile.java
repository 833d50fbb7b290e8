package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * Describe what a workload allocated and retained, as measured by {@link HeapProbe}.
 *
 * @param operations the measured operations
 * @param allocatedBytes bytes the calling thread allocated during the measured operations
 * @param retainedBytes heap growth from the baseline to the last checkpoint, after full GCs
 * @param retainedBytesPerOp the Theil–Sen slope (median pairwise slope) of heap after GC against operations done
 * @param checkpoints the baseline and every checkpoint
 * @param inconclusive why retained figures could not be measured, if they could not
 * @param warnings conditions that make retained figures less exact
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MemoryProfile(
        long operations,
        long allocatedBytes,
        long retainedBytes,
        double retainedBytesPerOp,
        List<Checkpoint> checkpoints,
        Optional<String> inconclusive,
        List<String> warnings) {

    public MemoryProfile {
        checkpoints = List.copyOf(checkpoints);
        warnings = List.copyOf(warnings);
    }

    /** Return the bytes allocated per operation. */
    public double allocatedBytesPerOp() {
        return operations == 0 ? 0 : (double) allocatedBytes / operations;
    }

    /** Report whether the retained figures rest on verified full GCs. */
    public boolean conclusive() {
        return inconclusive.isEmpty();
    }

    /**
     * Record the heap after full GCs once {@code operations} had run.
     *
     * @param operations operations done when the checkpoint was taken
     * @param usedHeapBytes heap used after the full GCs
     */
    public record Checkpoint(long operations, long usedHeapBytes) {
    }
}
