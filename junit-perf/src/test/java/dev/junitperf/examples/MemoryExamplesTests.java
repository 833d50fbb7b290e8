package dev.junitperf.examples;

import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.testing.PerfEngine;

/** Show the memory examples of {@code docs/memory.md} working, and failing for the right reason. */
class MemoryExamplesTests {

    @TempDir
    Path reportDir;

    @Test
    void memoryBudgetExamplePasses() {
        run(MemoryBudgetExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void heapProbeExamplePasses() {
        run(HeapProbeExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void memoryBudgetExampleFailsWhenTheCacheStopsCaching() {
        run(LeakyCacheTestCases.class).assertThatEvents().haveExactly(1, finishedWithFailure(
                message(m -> m.contains("retained growth") && m.contains("> budget 16 B/op"))));
    }

    private Events run(Class<?> testClass) {
        return PerfEngine.executeWithDefaults(testClass, reportDir, "junitperf.default.warmupMs", "50").testEvents();
    }

    static class LeakyCacheTestCases {
        private final Map<Long, String> cache = new HashMap<>();

        @PerfTest(iterations = 10_000)
        @MemoryBudget(maxRetainedBytesPerOp = 16)
        void everyKeyIsNew(PerfContext ctx) {
            ctx.sink(cache.computeIfAbsent(System.nanoTime(), k -> "value-" + k));
        }
    }
}
