package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;



/** The noise meter: what it reads, and how a breach measured under noise is re-measured and explained. */
class NoiseMeterTests {

    @TempDir
    Path reportDir;

    @Test
    void busyThreadsShowAsCpuWaitAndInvoluntarySwitches() throws Exception {
        try (CpuHogs hogs = CpuHogs.saturating()) {
            PerfEngine.execute(SpinTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));
        }

        ResultsFile.Noise noise = onlyTest().run().noise();
        assertThat(noise.cpuWaitShare()).isBetween(0.15, 1.0);
        assertThat(noise.involuntaryContextSwitches()).isPositive();
        assertThat(noise.stealShare()).isBetween(0.0, 1.0);
        assertThat(noise.level()).isGreaterThanOrEqualTo(noise.cpuWaitShare());
    }

    @Test
    void aNoisyBreachIsReMeasuredAndTheMessageGivesEveryRunsNoise() throws Exception {
        try (CpuHogs hogs = CpuHogs.saturating()) {
            PerfEngine.execute(BreachTestCases.class, reportDir, "junitperf.noise.retries", "2",
                    "junitperf.noise.threshold", "0.05").testEvents().assertThatEvents().haveExactly(1,
                    event(test("spin"), finishedWithFailure(instanceOf(SloBreachError.class), message(m ->
                            m.contains("runs (the last decides; noisy above 5 % CPU wait + steal):")
                                    && m.contains("#4 ") && m.contains("(noisy)") && m.contains("involuntary switches")))));
        }

        assertThat(onlyTest().runs()).as("first run, two noisy retries, one confirmation").hasSize(4);
    }

    @Test
    void aQuietBreachIsOnlyConfirmed() {
        PerfEngine.execute(BreachTestCases.class, reportDir, "junitperf.noise.retries", "2", "junitperf.noise.threshold", "1")
                .testEvents().assertStatistics(s -> s.failed(1));

        assertThat(onlyTest().runs()).hasSize(2);
    }

    @Test
    void badNoiseSettingsAreConfigurationErrors() {
        PerfEngine.execute(SpinTestCases.class, reportDir, "junitperf.noise.threshold", "0").testEvents()
                .assertThatEvents().haveExactly(1, event(test("spin"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Configuration parameter `junitperf.noise.threshold` must be a fraction greater than 0 and "
                                + "at most 1, e.g. 0.1 for 10 %, but was '0'"))));
        PerfEngine.execute(SpinTestCases.class, reportDir, "junitperf.noise.retries", "-1").testEvents()
                .assertThatEvents().haveExactly(1, event(test("spin"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Configuration parameter `junitperf.noise.retries` must be a whole number from 0 to 10, "
                                + "but was '-1'"))));
    }

    private ResultsFile.Test onlyTest() {
        return PerfEngine.onlyTest(reportDir);
    }

    static class SpinTestCases {
        // 200 ms of work: long enough for the scheduler's share to show (over 15 ms, one measurement read 10 %
        // CPU wait beside three hogs on two cores, where the fair share is about 50 %).
        @PerfTest(iterations = 4_000, warmupMs = 20)
        void spin() {
            CpuWork.run(CpuWork.unitsFor(0.05));
        }
    }

    static class BreachTestCases {
        // 200 ms per run, as SpinTestCases: a run of 15 ms beside the hogs once read 1 % CPU wait, too short to be noisy.
        @PerfTest(iterations = 4_000, warmupMs = 20)
        @Slo(p50Ms = 0.001)
        void spin() {
            CpuWork.run(CpuWork.unitsFor(0.05));
        }
    }
}
