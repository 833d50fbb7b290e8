package dev.junitperf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.Breach;
import dev.junitperf.Perf;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.Judgement;
import dev.junitperf.internal.MemorySpec;
import dev.junitperf.internal.SloSpec;

class JsonResultsWriterTests {

    @TempDir
    Path dir;

    @Test
    void testFileHasEveryDocumentedField() {
        JsonResultsWriter writer = new JsonResultsWriter(dir);

        JsonNode t = writer.read(writer.writeTest(outcome("a")));

        assertThat(t.fieldNames()).toIterable().contains("id", "class", "method", "displayName", "mode", "verdict",
                "samples", "errors", "errorRate", "threads", "batchSize", "durationMs", "throughputPerSec", "latencyMs",
                "latencyCi95Ms", "slo", "breaches", "inconclusive", "runs", "histogram", "memory");
        assertThat(t.get("latencyMs").fieldNames()).toIterable()
                .containsExactly("min", "mean", "p50", "p90", "p99", "p999", "max");
        assertThat(t.get("slo").get("p99Ms").asDouble()).isEqualTo(5.0);
        assertThat(t.get("slo").get("scale").asDouble()).isEqualTo(1.0);
        assertThat(t.get("samples").asLong()).isEqualTo(500);
    }

    @Test
    void histogramRoundTripsThroughBase64() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i * 1_000L);
        }

        Histogram decoded = JsonResultsWriter.decode(JsonResultsWriter.encode(h));

        assertThat(decoded).isEqualTo(h);
        assertThat(decoded.getValueAtPercentile(99)).isEqualTo(h.getValueAtPercentile(99));
    }

    @Test
    void aggregateHoldsEveryTestFileAndTheEnvironmentAndLeavesNoTemporaryFile() throws IOException {
        JsonResultsWriter writer = new JsonResultsWriter(dir);
        writer.writeTest(outcome("a"));
        writer.writeTest(outcome("b"));
        writer.writeTest(outcome("a"));

        JsonNode results = writer.read(writer.writeAggregate(EnvironmentInfo.current()));

        assertThat(results.get("schema").asText()).isEqualTo("junit-perf/2");
        assertThat(results.get("tests")).hasSize(2);
        assertThat(results.get("environment").get("cpus").asInt()).isPositive();
        assertThat(results.get("environment").get("jdk").asText()).isEqualTo(System.getProperty("java.version"));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void summaryListsEveryTestWithBreachesFirst() throws IOException {
        JsonResultsWriter writer = new JsonResultsWriter(dir);
        writer.writeTest(outcome("aPassing"));
        writer.writeTest(failed("zFailing"));

        writer.writeAggregate(EnvironmentInfo.current());
        List<String> lines = Files.readAllLines(dir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));

        assertThat(lines).contains("2 perf tests: 1 passed, 1 failed, 0 inconclusive.");
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && l.contains("X · ")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("| ❌ FAILED | X · zFailing() |").contains("p99 = 9.00 ms > budget 5.00 ms");
        assertThat(rows.get(1)).startsWith("| ✅ PASSED | X · aPassing() |");
    }

    @Test
    void summaryHasTheClockTheWallFiguresAndTheNoiseOfEveryTest() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.passing("onWall"), ReportFixtures.onCpuClock("onCpu"));
        String summary = Files.readString(dir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));

        assertThat(summary).contains("| verdict | test | clock | samples | p50 (ms) | p99 (ms) | max (ms) | wall p50 / p99 (ms) |"
                + " throughput | noise | breaches |");
        assertThat(summary).containsPattern("\\| ReportedTest · onWall\\(\\) \\| wall \\| 500 \\| .* \\| \\(judged\\) \\| .* %");
        assertThat(summary).containsPattern("\\| ReportedTest · onCpu\\(\\) \\| cpu \\| 500 \\| .* \\| [0-9.]+ / [0-9.]+ \\| .* %");
    }

    @Test
    void unreadableTestFileIsReportedNotDropped() throws IOException {
        JsonResultsWriter writer = new JsonResultsWriter(dir);
        writer.writeTest(outcome("a"));
        Files.writeString(dir.resolve("tests").resolve("broken.json"), "{ not json");

        JsonNode results = writer.read(writer.writeAggregate(EnvironmentInfo.current()));

        assertThat(results.get("tests")).hasSize(1);
        assertThat(results.get("unreadableTestFiles").get(0).asText()).startsWith("broken.json");
    }

    @Test
    void corruptHistogramGivesAClearError() {
        assertThatThrownBy(() -> JsonResultsWriter.decode("AAAA"))
                .hasMessageContaining("compressed HdrHistogram");
    }

    private static TestOutcome failed(String method) {
        TestOutcome passing = outcome(method);
        Breach breach = new Breach("p99", 5.0, 9.0, "p99 = 9.00 ms > budget 5.00 ms");
        return new TestOutcome(passing.uniqueId(), passing.className(), method, method + "()", "enforce", Verdict.FAILED,
                passing.slo(), passing.memoryBudget(), List.of(new TestOutcome.Run(passing.decidingRun().result(),
                        new Judgement(Verdict.FAILED, List.of(breach), List.of()))));
    }

    private static TestOutcome outcome(String method) {
        PerfResult result = Perf.measure(ctx -> { }).warmupMs(0).iterations(500).run();
        SloSpec slo = new SloSpec(Double.NaN, Double.NaN, 5.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 1.0);
        return new TestOutcome("[engine:junit-jupiter]/[class:X]/[method:" + method + "()]", "com.example.X", method,
                method + "()", "enforce", Verdict.PASSED, slo, new MemorySpec(-1, -1, -1),
                List.of(new TestOutcome.Run(result, new Judgement(Verdict.PASSED, List.of(), List.of()))));
    }
}
