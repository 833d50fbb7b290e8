package dev.junitperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import dev.junitperf.SloBreachError;
import dev.junitperf.testing.PerfEngine;

/** Show every example of the core docs pages working, and failing for the right reason. */
class DocExamplesTests {

    @TempDir
    Path reportDir;

    @Test
    void basicExamplePasses() {
        run(BasicDocExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    /**
     * A scale of 10⁻⁶ puts the p50 budget at 0.5 ns, under any real lookup. At 10⁻⁵ (a 5 ns budget) the two-entry
     * lookup once read p50 5 ns, p99 6 ns on a fresh clone, and passed.
     */
    @Test
    void basicExampleFailsWithTheMeasuredFigureWhenItsBudgetIsOutOfReach() {
        run(BasicDocExample.class, "junitperf.slo.scale", "0.000001").assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(SloBreachError.class), message(m -> m.contains("p50 = ") && m.contains("> budget"))));
    }

    @Test
    void sweepExampleJudgesEveryN() {
        run(SweepDocExample.class).assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void concurrencyExamplesPass() {
        run(ConcurrencyDocExample.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void clockExamplesPass() {
        run(ClockDocExample.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void clockExampleFailsOnItsJudgedClockAndShowsTheWallFigures() {
        run(ClockDocExample.class, "junitperf.slo.scale", "0.00001", "junitperf.confirm.runs", "0").assertThatEvents()
                .haveExactly(2, finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.contains("> budget") && m.contains("wall clock (not judged)")
                                && m.matches("(?s).*clock (cpu|wall-minus-runqueue).*"))));
    }

    @Test
    void loadProfileExamplePassesAndRecordsItsPhases() {
        run(LoadProfileDocExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(PerfEngine.onlyTest(reportDir).run().phases()).extracting(p -> p.name())
                .containsExactly("ramp", "base", "burst", "after");
    }

    @Test
    void loadProfileExampleFailsOnTheBurstsBudgetWhenItIsOutOfReach() {
        run(LoadProfileDocExample.class, "junitperf.slo.scale", "0.00001", "junitperf.confirm.runs", "0").assertThatEvents()
                .haveExactly(1, finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.contains("phase \"burst\" p99 = ") && m.contains("> budget"))));
    }

    @Test
    void classLevelExamplePasses() {
        run(ClassLevelSloDocExample.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void programmaticExamplePasses() {
        run(ProgrammaticDocExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    private Events run(Class<?> testClass, String... keyValues) {
        return PerfEngine.executeWithDefaults(testClass, reportDir, keyValues).testEvents();
    }
}
