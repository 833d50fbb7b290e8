package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;

import org.apiguardian.api.API;

import dev.junitperf.internal.results.AtomicFiles;
import dev.junitperf.internal.results.ResultsFile;

/** Render every human-facing report from the aggregated results, at the end of the test run. */
@API(status = INTERNAL, since = "0.1")
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Write every report derived from {@code results} into {@code reportDir}. */
    public static void writeAll(Path reportDir, ResultsFile results) {
        AtomicFiles.write(reportDir.resolve(MarkdownSummaryWriter.SUMMARY_FILE), MarkdownSummaryWriter.render(results));
        AtomicFiles.write(reportDir.resolve(HtmlReportWriter.REPORT_FILE), HtmlReportWriter.render(results));
        AtomicFiles.write(reportDir.resolve(BenchmarkActionWriter.BENCHMARK_FILE), BenchmarkActionWriter.render(results));
    }
}
