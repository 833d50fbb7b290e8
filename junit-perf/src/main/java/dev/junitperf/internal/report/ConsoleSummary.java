package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apiguardian.api.API;

import dev.junitperf.Verdict;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Render the compact end-of-run SLO table printed when {@code junitperf.console.summary=true}.
 *
 * <p>One line per test, grouped by class, with the objective that decided the verdict, so a reader of
 * a CI log sees every figure without opening a report.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleSummary {

    private static final int MAX_NAME_WIDTH = 90;

    private ConsoleSummary() {
    }

    /** Render the table of an aggregated results document. */
    public static String render(ResultsFile results) {
        List<ResultsFile.Test> tests = results.tests().stream()
                .sorted(Comparator.comparing(ResultsFile.Test::className).thenComparing(ResultsFile.Test::displayName)).toList();
        Map<String, String> labels = TestNames.labels(tests);
        int width = Math.max(4, Math.min(MAX_NAME_WIDTH, labels.values().stream().mapToInt(String::length).max().orElse(4)));
        StringBuilder out = new StringBuilder();
        String format = "%-12s %-" + width + "s %-19s %10s %11s %11s %14s %12s %7s%n";
        out.append(String.format(Locale.ROOT, "%n" + format, "verdict", "test", "clock", "samples", "p50", "p99",
                "throughput", "alloc B/op", "noise"));
        for (ResultsFile.Test t : tests) {
            ResultsFile.Run run = t.run();
            Double alloc = run.memory() == null ? null : run.memory().allocatedBytesPerOp();
            out.append(String.format(Locale.ROOT, format, t.verdict(), abbreviate(labels.get(t.id()), width), run.clock(),
                    Formats.count(run.samples()), Formats.millis(run.latencyMs().p50()), Formats.millis(run.latencyMs().p99()),
                    Formats.rate(run.throughputPerSec()), alloc != null ? String.format(Locale.ROOT, "%,.1f", alloc) : "—",
                    ReportText.noise(run.noise())));
            for (ResultsFile.BreachLine b : run.breaches()) {
                out.append("             ↳ ").append(b.message()).append(System.lineSeparator());
            }
        }
        out.append(String.format(Locale.ROOT, "%d perf tests, %d not passed. Reports: report.html, summary.md, results.json%n",
                tests.size(), tests.size() - results.count(Verdict.PASSED)));
        out.append(EarlierResults.consoleLine(results));
        return out.toString();
    }

    /** Shorten a name in its middle, so both the class and the invocation stay readable. */
    static String abbreviate(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int head = (width - 1) / 2;
        return text.substring(0, head) + "…" + text.substring(text.length() - (width - 1 - head));
    }
}
