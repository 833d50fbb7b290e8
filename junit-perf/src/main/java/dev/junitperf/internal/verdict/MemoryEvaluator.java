package dev.junitperf.internal.verdict;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import dev.junitperf.Breach;
import dev.junitperf.MemoryResult;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.text.Formats;

/** Judge memory figures against their budgets, adding breaches or reasons they cannot be judged. */
final class MemoryEvaluator {

    private MemoryEvaluator() {
    }

    static void judge(MemorySpec spec, MemoryResult memory, List<Breach> breaches, List<String> inconclusive) {
        if (spec.maxAllocatedBytesPerOp() >= 0) {
            OptionalDouble perOp = memory.allocatedBytesPerOp();
            if (perOp.isEmpty()) {
                inconclusive.add("allocation cannot be judged: " + String.join("; ", memory.notes()));
            } else if (perOp.getAsDouble() > spec.maxAllocatedBytesPerOp()) {
                breaches.add(new Breach("allocatedBytesPerOp", spec.maxAllocatedBytesPerOp(), perOp.getAsDouble(),
                        String.format(Locale.ROOT, "allocated %s B/op > budget %s B/op (n = %s)", bytes(perOp.getAsDouble()),
                                Formats.count(spec.maxAllocatedBytesPerOp()), Formats.count(memory.operations()))));
            }
        }
        if (spec.maxRetainedBytes() >= 0) {
            OptionalLong retained = memory.retainedBytes();
            if (retained.isEmpty()) {
                inconclusive.add("retained heap cannot be judged: " + String.join("; ", memory.notes()));
            } else if (retained.getAsLong() > spec.maxRetainedBytes()) {
                breaches.add(new Breach("retainedBytes", spec.maxRetainedBytes(), retained.getAsLong(),
                        String.format(Locale.ROOT, "retained %s B > budget %s B (heap after full GC, after vs before the test)",
                                Formats.count(retained.getAsLong()), Formats.count(spec.maxRetainedBytes()))));
            }
        }
        if (spec.maxRetainedBytesPerOp() >= 0) {
            OptionalDouble slope = memory.retainedBytesPerOp();
            if (slope.isEmpty()) {
                inconclusive.add("retained growth per operation cannot be judged: " + String.join("; ", memory.notes()));
            } else if (slope.getAsDouble() > spec.maxRetainedBytesPerOp()) {
                breaches.add(new Breach("retainedBytesPerOp", spec.maxRetainedBytesPerOp(), slope.getAsDouble(),
                        String.format(Locale.ROOT, "retained growth %s B/op > budget %s B/op (slope over the leak check's checkpoints)",
                                bytes(slope.getAsDouble()), Formats.count(spec.maxRetainedBytesPerOp()))));
            }
        }
    }

    private static String bytes(double value) {
        return value == Math.rint(value) ? Formats.count((long) value) : String.format(Locale.ROOT, "%,.1f", value);
    }
}
