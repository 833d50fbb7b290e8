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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.report.JsonResultsWriter;

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
                                + "baseline 0\\.1[0-9]* ms → current 0\\.15[0-9]* ms \\(threshold 10\\.0 %\\).*")))));

        JsonNode diff = results(currentDir).get("tests").get(0).get("baseline");
        assertThat(diff.get("status").asText()).isEqualTo("FAIL");
        assertThat(diff.get("p50ChangePct").asDouble()).isBetween(40.0, 60.0);
        assertThat(diff.get("p50ChangeCi95Pct")).hasSize(2);
    }

    @Test
    void unchangedCodePassesAndReportsTheComparison() {
        Path baseline = recordBaseline(100_000);

        SpinTestCases.spinNanos = 100_000;
        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString(),
                "junitperf.regression.fail", "25", "junitperf.regression.warn", "20")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedSuccessfully()));

        JsonNode diff = results(currentDir).get("tests").get(0).get("baseline");
        assertThat(diff.get("status").asText()).isEqualTo("OK");
        assertThat(diff.get("failPct").asDouble()).isEqualTo(25.0);
    }

    @Test
    void testsMissingFromTheRunAreListedAndNewTestsMarked() throws IOException {
        Path baseline = recordBaseline(100_000);
        JsonNode root = results(baselineDir);
        ((ObjectNode) root.get("tests").get(0)).put("id", "[engine:junit-jupiter]/[class:Renamed]/[method:gone()]");
        Files.writeString(baseline, root.toString());

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", baseline.toString())
                .testEvents().assertStatistics(s -> s.succeeded(1));

        JsonNode current = results(currentDir);
        assertThat(current.get("tests").get(0).get("baseline").get("status").asText()).isEqualTo("NEW");
        assertThat(current.get("baseline").get("missingFromRun").get(0).get("id").asText()).contains("Renamed");
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
    void foreignSchemaIsAClearConfigurationError() throws IOException {
        Path foreign = Files.writeString(baselineDir.resolve("results.json"), "{\"schema\": \"other/7\", \"tests\": []}");

        PerfEngine.execute(SpinTestCases.class, currentDir, "junitperf.baseline", foreign.toString()).testEvents()
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("whose schema is 'other/7', not one of [junit-perf/1, junit-perf/2]")))));
    }

    private Path recordBaseline(long spinNanos) {
        SpinTestCases.spinNanos = spinNanos;
        PerfEngine.execute(SpinTestCases.class, baselineDir).testEvents().assertStatistics(s -> s.succeeded(1));
        return baselineDir.resolve(JsonResultsWriter.RESULTS_FILE);
    }

    private static JsonNode results(Path dir) {
        return new JsonResultsWriter(dir).read(dir.resolve(JsonResultsWriter.RESULTS_FILE));
    }

    /**
     * Spins for a given CPU time, judged on the CPU clock: the baseline and the current run agree whatever the
     * machine does between them (on the wall clock, two CPU hogs made an unchanged body read +40.8 %).
     */
    static class SpinTestCases {
        static volatile long spinNanos;

        @PerfTest(iterations = 1_000, warmupMs = 50, clock = PerfClock.CPU)
        void spin() {
            CpuWork.spinCpu(spinNanos);
        }
    }
}
