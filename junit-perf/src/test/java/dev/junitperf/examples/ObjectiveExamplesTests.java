package dev.junitperf.examples;

import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;
import dev.junitperf.testing.PerfEngine;

/** Show the examples of {@code docs/relative-objectives.md} and {@code docs/baselines.md} working, and failing for the right reason. */
class ObjectiveExamplesTests {

    @TempDir
    Path reportDir;

    @Test
    void fasterThanExamplePasses() {
        run(FasterThanExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void regressionThresholdExamplePassesWithoutABaseline() {
        run(RegressionThresholdExample.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void fasterThanFailsWhenTheRequiredFactorIsOutOfReach() {
        run(ImpossibleFactorTestCases.class).assertThatEvents().haveExactly(1, finishedWithFailure(
                message(m -> m.contains("faster than sortWithStreams()") && m.contains("< required 1000.00×"))));
    }

    private Events run(Class<?> testClass) {
        return PerfEngine.executeWithDefaults(testClass, reportDir, "junitperf.default.warmupMs", "100").testEvents();
    }

    static class ImpossibleFactorTestCases {
        private final FasterThanExample example = new FasterThanExample();

        @PerfTest(iterations = 600)
        @Slo(fasterThan = "sortWithStreams", byFactor = 1_000)
        void sortInPlace(PerfContext ctx) {
            example.sortInPlace(ctx);
        }

        void sortWithStreams(PerfContext ctx) {
            example.sortWithStreams(ctx);
        }
    }
}
