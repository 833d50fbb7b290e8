package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.report.BenchmarkActionWriter;
import dev.junitperf.internal.report.ConsoleSummary;
import dev.junitperf.internal.report.HtmlReportWriter;
import dev.junitperf.internal.report.MarkdownSummaryWriter;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;

/**
 * A report describes its run only: a test class deleted (or not selected) between two runs into one report
 * directory, without a clean, is shown as an earlier result and never counted as run.
 *
 * <p>Both runs execute in this one JVM, so they are named with {@code junitperf.run.id}; the {@code deleted-test}
 * invoker IT runs two real Maven invocations with {@code forkCount=2}, where the run is detected.
 */
class EarlierRunsTests {

    @TempDir
    Path reportDir;

    @Test
    void aTestDeletedBeforeTheSecondRunIsNotReportedAsRunByIt() throws IOException {
        PerfEngine.executeAll(List.of(KeptTestCases.class, DeletedTestCases.class), reportDir, "junitperf.run.id", "first")
                .testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(PerfEngine.results(reportDir).tests()).hasSize(2);

        PerfEngine.executeAll(List.of(KeptTestCases.class), reportDir, "junitperf.run.id", "second")
                .testEvents().assertStatistics(s -> s.succeeded(1));

        ResultsFile results = PerfEngine.results(reportDir);
        assertThat(results.run().id()).isEqualTo("second");
        assertThat(results.tests()).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo("kept");
            assertThat(t.runId()).isEqualTo("second");
        });
        assertThat(results.earlierResults()).singleElement().satisfies(e -> {
            assertThat(e.test()).isEqualTo("EarlierRunsTests$DeletedTestCases › deleted(PerfContext)");
            assertThat(e.runId()).isEqualTo("first");
            assertThat(e.finishedAt()).isNotBlank();
        });

        String summary = Files.readString(reportDir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));
        assertThat(summary).contains("1 perf tests: 1 passed, 0 failed, 0 inconclusive.",
                "1 result in tests/ is from earlier runs", "- EarlierRunsTests$DeletedTestCases › deleted(PerfContext): PASSED, written ");
        assertThat(summary.lines().filter(l -> l.startsWith("| ✅"))).singleElement().asString().contains("kept(PerfContext)");

        String html = Files.readString(reportDir.resolve(HtmlReportWriter.REPORT_FILE));
        assertThat(html).contains("<p>1 perf tests: 1 passed, 0 failed, 0 inconclusive.</p>", "<h2>Earlier results</h2>");
        String thisRun = html.substring(0, html.indexOf("<h2>Earlier results</h2>")) + html.substring(html.indexOf("<h2>Tests</h2>"));
        assertThat(thisRun).doesNotContain("deleted(");
        assertThat(Files.readString(reportDir.resolve(BenchmarkActionWriter.BENCHMARK_FILE))).doesNotContain("deleted");
        assertThat(ConsoleSummary.render(results)).contains("1 perf tests, 0 not passed", "1 result in tests/ is from earlier runs");
    }

    static class KeptTestCases {
        @PerfTest(iterations = 200, warmupMs = 0)
        void kept(PerfContext ctx) {
            ctx.sink(ctx.invocation());
        }
    }

    static class DeletedTestCases {
        @PerfTest(iterations = 200, warmupMs = 0)
        void deleted(PerfContext ctx) {
            ctx.sink(ctx.invocation());
        }
    }
}
