package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.PerfEngine;

/**
 * Run only in the Surefire execution {@code explicit-gc-disabled}, whose JVM has {@code -XX:+DisableExplicitGC}:
 * retained-heap figures must then be INCONCLUSIVE with the reason, never a silent pass.
 */
class ExplicitGcDisabledTests {

    @TempDir
    Path reportDir;

    @BeforeAll
    static void runsWithExplicitGcDisabled() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("this class must run in the explicit-gc-disabled Surefire execution")
                .contains("-XX:+DisableExplicitGC");
    }

    @Test
    void retainedBudgetIsInconclusiveAndSaysWhy() {
        PerfEngine.execute(RetainedTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(test("keepsNothing"), finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.startsWith("SLO inconclusive")
                                && m.contains("retained heap cannot be judged: retained heap not measured: explicit GC is "
                                        + "disabled (-XX:+DisableExplicitGC)")))));
    }

    @Test
    void heapProbeReportsWhyRetainedFiguresAreMissing() throws Exception {
        MemoryProfile p = HeapProbe.of(i -> { }).run(100);

        assertThat(p.conclusive()).isFalse();
        assertThat(p.inconclusive()).get().asString().contains("-XX:+DisableExplicitGC");
        assertThat(p.retainedBytesPerOp()).isNaN();
    }

    static class RetainedTestCases {
        @PerfTest(iterations = 100, warmupMs = 0)
        @MemoryBudget(maxRetainedBytes = 1_000_000)
        void keepsNothing() {
        }
    }
}
