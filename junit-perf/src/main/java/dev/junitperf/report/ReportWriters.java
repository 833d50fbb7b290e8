package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;

/** Render every human-facing report from the aggregated results, at the end of the test run. */
@API(status = INTERNAL, since = "0.1")
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Write every report derived from {@code results} into {@code reportDir}. */
    static void writeAll(Path reportDir, JsonNode results) {
        JsonResultsWriter.writeAtomically(reportDir.resolve(MarkdownSummaryWriter.SUMMARY_FILE), MarkdownSummaryWriter.render(results));
        JsonResultsWriter.writeAtomically(reportDir.resolve(HtmlReportWriter.REPORT_FILE), HtmlReportWriter.render(results));
        JsonResultsWriter.writeAtomically(reportDir.resolve(BenchmarkActionWriter.BENCHMARK_FILE), BenchmarkActionWriter.render(results));
    }
}
