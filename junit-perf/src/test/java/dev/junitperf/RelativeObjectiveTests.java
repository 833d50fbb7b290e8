package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;



class RelativeObjectiveTests {

    @TempDir
    Path reportDir;

    @Test
    void bodyTwiceAsFastAsItsReferencePassesAndTheRatioIsReported() {
        PerfEngine.execute(TwiceAsFastTestCases.class, reportDir).testEvents()
                .assertThatEvents().haveExactly(1, event(test("fast"), finishedSuccessfully()));

        ResultsFile.Relative relative = result("fast").relative();
        assertThat(relative.reference()).isEqualTo("slow");
        assertThat(relative.ratio()).isBetween(1.7, 2.3);
        assertThat(relative.ratioCi95().get(0)).isLessThanOrEqualTo(relative.ratio());
        assertThat(relative.ratioCi95().get(1)).isGreaterThanOrEqualTo(relative.ratio());
        assertThat(result("fast").run().samples()).isEqualTo(600);
    }

    @Test
    void speedUpShortOfTheFactorFailsWithRatioAndInterval() {
        PerfEngine.execute(NotFastEnoughTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(test("fast"), finishedWithFailure(instanceOf(SloBreachError.class), message(m -> m.matches(
                        "(?s).*[12]\\.[0-9]{2}× faster than slow\\(\\) \\(95% CI [0-9.]+–[0-9.]+×; p50 [0-9.,]+ (ns|µs|ms) vs [0-9.,]+ (ns|µs|ms)\\) < required 3\\.00×.*")))));
    }

    @Test
    void sweepComparesEachInvocationWithTheReferenceOnTheSameArguments() {
        PerfEngine.execute(SweepTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void unknownReferenceAndFactorWithoutReferenceAreRejectedBeforeAnythingRuns() {
        var events = PerfEngine.execute(BadReferenceTestCases.class, reportDir).testEvents();

        events.assertThatEvents().haveExactly(1, event(test("unknown"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.startsWith("@Slo(fasterThan = \"nope\") names no usable method nope in BadReferenceTestCases")))));
        events.assertThatEvents().haveExactly(1, event(test("factorOnly"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.startsWith("@Slo sets `byFactor` without `fasterThan`")))));
    }

    private ResultsFile.Test result(String method) {
        return PerfEngine.test(reportDir, method);
    }

    static class TwiceAsFastTestCases {
        @PerfTest(iterations = 600, warmupMs = 20, clock = PerfClock.CPU)
        @Slo(fasterThan = "slow", byFactor = 1.5)
        void fast() {
            CpuWork.spinCpu(50_000);
        }

        void slow() {
            CpuWork.spinCpu(100_000);
        }
    }

    static class NotFastEnoughTestCases {
        @PerfTest(iterations = 600, warmupMs = 20, clock = PerfClock.CPU)
        @Slo(fasterThan = "slow", byFactor = 3)
        void fast(PerfContext ctx) {
            CpuWork.spinCpu(50_000);
        }

        void slow(PerfContext ctx) {
            CpuWork.spinCpu(100_000);
        }
    }

    static class SweepTestCases {
        @ParameterizedTest
        @ValueSource(ints = {20, 40})
        @PerfSweep(iterations = 400, warmupMs = 20, clock = PerfClock.CPU)
        @Slo(fasterThan = "naive", byFactor = 1.5)
        void smart(int micros) {
            CpuWork.spinCpu(micros * 1_000L);
        }

        void naive(int micros) {
            CpuWork.spinCpu(micros * 3_000L);
        }
    }

    static class BadReferenceTestCases {
        @PerfTest
        @Slo(fasterThan = "nope")
        void unknown() {
        }

        @PerfTest
        @Slo(byFactor = 2)
        void factorOnly() {
        }
    }
}
