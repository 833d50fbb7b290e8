package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apiguardian.api.API;

import dev.junitperf.Verdict;
import dev.junitperf.internal.results.EnvironmentInfo;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Render {@code summary.md}: one Markdown table of every perf test, breaches first.
 *
 * <p>It is built from the aggregated JSON, so it covers every fork's tests, and is fit for
 * {@code $GITHUB_STEP_SUMMARY} or a pull-request comment.
 */
@API(status = INTERNAL, since = "0.1")
public final class MarkdownSummaryWriter {

    /** The summary's file name in the report directory. */
    public static final String SUMMARY_FILE = "summary.md";

    private MarkdownSummaryWriter() {
    }

    /** Render the summary of an aggregated results document. */
    public static String render(ResultsFile results) {
        List<ResultsFile.Test> tests = results.testsWorstFirst();
        Map<String, String> labels = TestNames.labels(tests);
        long failed = results.count(Verdict.FAILED);
        long inconclusive = results.count(Verdict.INCONCLUSIVE);
        StringBuilder md = new StringBuilder("## junit-perf\n\n");
        md.append(String.format(Locale.ROOT, "%d perf tests: %d passed, %d failed, %d inconclusive.%n%n",
                tests.size(), tests.size() - failed - inconclusive, failed, inconclusive));
        md.append("| verdict | test | clock | samples | p50 | p99 | max | wall p50 / p99 | throughput | noise | breaches |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (ResultsFile.Test t : tests) {
            ResultsFile.Run run = t.run();
            List<String> breaches = new ArrayList<>();
            run.breaches().forEach(b -> breaches.add(b.message()));
            breaches.addAll(run.inconclusive());
            ResultsFile.Latency wall = run.wallLatencyMs();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    ReportText.icon(t.verdict()) + " " + t.verdict(), cell(labels.get(t.id())), cell(run.clock()),
                    Formats.count(run.samples()), Formats.millis(run.latencyMs().p50()), Formats.millis(run.latencyMs().p99()),
                    Formats.millis(run.latencyMs().max()),
                    wall != null ? Formats.millis(wall.p50()) + " / " + Formats.millis(wall.p99()) : "(judged)",
                    Formats.rate(run.throughputPerSec()), ReportText.noise(run.noise()), cell(String.join("; ", breaches))));
        }
        FlameGraph.markdown(tests, labels, md);
        EarlierResults.markdown(results, md);
        EnvironmentInfo env = results.environment();
        md.append(String.format(Locale.ROOT, "%nJDK %s · %d CPUs · %s%n", cell(String.valueOf(env.jdk())), env.cpus(),
                cell(String.valueOf(env.os()))));
        return md.toString();
    }

    /**
     * Make text safe in a table cell: {@code <}, {@code >} and {@code &} as HTML entities (GitHub renders Markdown
     * tables as HTML, so a test named {@code <img onerror=…>} must reach it as text), {@code |} escaped so it does
     * not end the cell, line breaks as spaces.
     */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|' -> out.append("\\|");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
