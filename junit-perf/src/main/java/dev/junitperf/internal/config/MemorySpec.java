package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.apiguardian.api.API;

import dev.junitperf.MemoryBudget;

/**
 * Hold the resolved memory budgets of one perf test; -1 means "no budget".
 *
 * @param maxAllocatedBytesPerOp bytes one invocation may allocate on average
 * @param maxRetainedBytes bytes the heap may grow by over the test
 * @param maxRetainedBytesPerOp fitted retained growth per operation allowed
 */
@API(status = INTERNAL, since = "0.1")
public record MemorySpec(long maxAllocatedBytesPerOp, long maxRetainedBytes, long maxRetainedBytesPerOp) {

    /** Resolve class-level and method-level budgets per attribute and reject negative values. */
    public static MemorySpec resolve(Optional<MemoryBudget> onClass, Optional<MemoryBudget> onMethod) {
        return new MemorySpec(
                pick(onClass, onMethod, MemoryBudget::maxAllocatedBytesPerOp, "maxAllocatedBytesPerOp"),
                pick(onClass, onMethod, MemoryBudget::maxRetainedBytes, "maxRetainedBytes"),
                pick(onClass, onMethod, MemoryBudget::maxRetainedBytesPerOp, "maxRetainedBytesPerOp"));
    }

    /** Report whether the retained heap must be read around the measurement. */
    public boolean needsRetainedHeap() {
        return maxRetainedBytes >= 0;
    }

    /** Report whether the untimed leak-check run is needed. */
    public boolean needsLeakCheck() {
        return maxRetainedBytesPerOp >= 0;
    }

    /** Report whether any budget needs the per-thread allocation counters. */
    public boolean needsAllocationCounters() {
        return maxAllocatedBytesPerOp >= 0;
    }

    /** Return the stated budgets by attribute name, for reports. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (maxAllocatedBytesPerOp >= 0) {
            m.put("maxAllocatedBytesPerOp", maxAllocatedBytesPerOp);
        }
        if (maxRetainedBytes >= 0) {
            m.put("maxRetainedBytes", maxRetainedBytes);
        }
        if (maxRetainedBytesPerOp >= 0) {
            m.put("maxRetainedBytesPerOp", maxRetainedBytesPerOp);
        }
        return m;
    }

    private static long pick(Optional<MemoryBudget> onClass, Optional<MemoryBudget> onMethod,
                             ToLongFunction<MemoryBudget> attribute, String name) {
        long m = onMethod.map(attribute::applyAsLong).orElse(MemoryBudget.UNSET);
        long value = m != MemoryBudget.UNSET ? m : onClass.map(attribute::applyAsLong).orElse(MemoryBudget.UNSET);
        if (value == MemoryBudget.UNSET) {
            return -1;
        }
        if (value < 0) {
            throw ConfigErrors.attribute("@MemoryBudget", name, value, "0 or greater (in bytes)");
        }
        return value;
    }
}
