package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.apiguardian.api.API;

/**
 * Describe the memory behaviour of a measured phase.
 *
 * @param operations measured invocations (successful and failed) the per-operation figures divide by
 * @param allocatedBytesMeasuringThreads bytes the measuring threads allocated (exact), or empty if the JVM cannot count
 * @param allocatedBytesOtherThreads bytes every other thread allocated meanwhile (work handed to executors), or empty
 * @param otherThreadsIncludeEnded whether threads that ended during the phase are included (JDK 21+)
 * @param retainedBytes heap growth after full GCs from before warmup to after the measurement, if measured
 * @param retainedBytesPerOp the fitted retained growth per operation of the leak check, if measured
 * @param gcCount garbage collections during the measured phase
 * @param gcTimeMs time spent in them, in milliseconds
 * @param notes why a figure is missing or less exact
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MemoryResult(
        long operations,
        OptionalLong allocatedBytesMeasuringThreads,
        OptionalLong allocatedBytesOtherThreads,
        boolean otherThreadsIncludeEnded,
        OptionalLong retainedBytes,
        OptionalDouble retainedBytesPerOp,
        long gcCount,
        long gcTimeMs,
        List<String> notes) {

    public MemoryResult {
        notes = List.copyOf(notes);
    }

    /** Return bytes allocated per operation over all threads, if the JVM can count them. */
    public OptionalDouble allocatedBytesPerOp() {
        if (allocatedBytesMeasuringThreads.isEmpty() || operations == 0) {
            return OptionalDouble.empty();
        }
        long total = allocatedBytesMeasuringThreads.getAsLong() + Math.max(0, allocatedBytesOtherThreads.orElse(0));
        return OptionalDouble.of((double) total / operations);
    }

    /** Return bytes allocated per operation by the measuring threads alone, if the JVM can count them. */
    public OptionalDouble allocatedBytesPerOpMeasuringThreads() {
        if (allocatedBytesMeasuringThreads.isEmpty() || operations == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) allocatedBytesMeasuringThreads.getAsLong() / operations);
    }
}
