package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;
import dev.junitperf.testing.PerfEngine;

class BaselineExtensionTests {

    @TempDir
    Path baselineDir;

    @TempDir
    Path currentDir;

    @Test
    void slowerCodeThanTheBaselineFailsWithBaselineCurrentChangeAndInterval() {
        Path baseline = recordBaseline(100_000);

        SpinTestCases.spinNanos = 150_000;
        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString())
                .testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.matches("(?s).*p50 regressed by \\+[0-9.]+ % \\(95% CI \\+[0-9.]+ … \\+[0-9.]+ %\\): "
                                + "baseline 1[0-9]{2} µs → current 15[0-9] µs \\(threshold 10\\.0 %\\).*")))));

        ResultsFile.BaselineComparison diff = PerfEngine.onlyTest(currentDir).baseline();
        assertThat(diff.status()).isEqualTo("FAIL");
        ResultsFile.Change p50 = diff.change("p50").orElseThrow();
        assertThat(p50.changePct()).isBetween(40.0, 60.0);
        assertThat(p50.changeCi95Pct()).hasSize(2);
        assertThat(p50.status()).isEqualTo("FAIL");
    }

    @Test
    void unchangedCodePassesAndReportsTheComparison() {
        Path baseline = recordBaseline(100_000);

        SpinTestCases.spinNanos = 100_000;
        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString(),
                "junitperf.regression.fail", "25", "junitperf.regression.warn", "20")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedSuccessfully()));

        ResultsFile.BaselineComparison diff = PerfEngine.onlyTest(currentDir).baseline();
        assertThat(diff.status()).isEqualTo("OK");
        assertThat(diff.failPct()).isEqualTo(25.0);
    }

    @Test
    void testsMissingFromTheRunAreListedAndNewTestsMarked() throws IOException {
        Path baseline = recordBaseline(100_000);
        JsonNode root = ResultsStore.tree(baseline);
        ((ObjectNode) root.get("tests").get(0)).put("id", "[engine:junit-jupiter]/[class:Renamed]/[method:gone()]");
        Files.writeString(baseline, root.toString());

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString())
                .testEvents().assertStatistics(s -> s.succeeded(1));

        ResultsFile current = PerfEngine.results(currentDir);
        assertThat(current.tests().get(0).baseline().status()).isEqualTo("NEW");
        assertThat(current.baseline().missingFromRun().get(0).id()).contains("Renamed");
    }

    @Test
    void corruptedBaselineIsAClearConfigurationError() throws IOException {
        Path broken = Files.writeString(baselineDir.resolve("results.json"), "{ this is not json");

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", broken.toString()).testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith("Configuration parameter `junitperf.baseline` names " + broken)
                                && m.contains("cannot be read as junit-perf results")))));
    }

    @Test
    void corruptHistogramInAValidBaselineIsRejectedBeforeTheBodyRuns() throws IOException {
        Path baseline = recordBaseline(10_000);
        JsonNode root = ResultsStore.tree(baseline);
        ((ObjectNode) root.get("tests").get(0)).put("histogram", "AAAAnot-a-histogram");
        Files.writeString(baseline, root.toString());
        SpinTestCases.INVOCATIONS.set(0);

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString()).testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.startsWith("Configuration parameter `junitperf.baseline` names " + baseline)
                                && m.contains("whose histogram for") && m.contains("is corrupt")
                                && m.endsWith("re-create the baseline")))));
        assertThat(SpinTestCases.INVOCATIONS).as("no warmup, no measurement").hasValue(0);
    }

    @Test
    void foreignSchemaIsAClearConfigurationError() throws IOException {
        Path foreign = Files.writeString(baselineDir.resolve("results.json"), "{\"schema\": \"other/7\", \"tests\": []}");

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", foreign.toString()).testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("whose schema is 'other/7', not one of [junit-perf/1, junit-perf/2]")))));
    }

    private Path recordBaseline(long spinNanos) {
        SpinTestCases.spinNanos = spinNanos;
        PerfEngine.execute(SpinTestCases.class, baselineDir).testEvents().assertStatistics(s -> s.succeeded(1));
        return baselineDir.resolve(ResultsStore.RESULTS_FILE);
    }

    /**
     * Spins for a given CPU time, judged on the CPU clock: the baseline and the current run agree whatever the
     * machine does between them (on the wall clock, two CPU hogs made an unchanged body read +40.8 %).
     */
    static class SpinTestCases {
        static volatile long spinNanos;
        static final AtomicLong INVOCATIONS = new AtomicLong();

        @PerfTest(iterations = 1_000, warmupMs = 50, clock = PerfClock.CPU)
        void spin() {
            INVOCATIONS.incrementAndGet();
            CpuWork.spinCpu(spinNanos);
        }
    }
}
