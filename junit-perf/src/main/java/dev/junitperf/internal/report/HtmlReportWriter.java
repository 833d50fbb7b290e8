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
 * Render {@code report.html}: one self-contained page with a summary table and a chart per test.
 *
 * <p>The page has no script and loads nothing: the styles are inline and the charts inline SVG, so it
 * can be archived as a CI artifact and opened offline. Every chart is capped at
 * {@value PercentileSpectrum#MAX_POINTS} points, so rendering time and size depend on the number of
 * tests, not on their sample counts.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlReportWriter {

    /** The report's file name in the report directory. */
    public static final String REPORT_FILE = "report.html";
    static final String NONE = "—";
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1280px;\
            padding:16px 24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
            h3{font-size:15px;margin:0 0 6px;word-break:break-word}
            .env,.caption,.figures{color:#57606a;font-size:13px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;position:sticky;top:0}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.test{overflow-wrap:anywhere;min-width:190px;max-width:320px}td.why{max-width:360px;word-break:break-word}
            .badge{display:inline-block;padding:1px 6px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
            .v-FAILED,.st-FAIL{background:#ffebe9;color:#a40e26}.v-INCONCLUSIVE,.st-WARN{background:#fff8c5;color:#7d4e00}
            .v-PASSED,.st-OK{background:#dafbe1;color:#116329}.st-NEW,.v-other{background:#ddf4ff;color:#0550ae}
            tr.FAILED td{background:#fff5f5}
            article{border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0}
            .charts{display:flex;flex-wrap:wrap;gap:12px}
            svg.chart{max-width:100%;height:auto;background:#fff}
            svg .grid{stroke:#e1e4e8;stroke-width:1;fill:none}
            svg text{font-size:11px;fill:#57606a;font-family:inherit}svg .axis-title text,svg text.axis-title{fill:#24292f}
            svg .series{fill:none;stroke-width:2;stroke-linejoin:round}
            svg .s-latency,svg .s-p50{stroke:#0969da}svg .s-p99{stroke:#bf3989}
            svg .dot.s-p50{fill:#0969da;stroke:none}svg .dot.s-p99{fill:#bf3989;stroke:none}
            svg .budget{stroke:#cf222e;stroke-width:3}
            svg .s-max{stroke:#8c959f}svg .band.b0 rect{fill:#f6f8fa}svg .band.b1 rect{fill:#ddf4ff}
            figure.timeline{margin:12px 0 0}table.phases{margin-top:8px;width:auto}
            ul.notes{color:#7d4e00}
            """;

    private HtmlReportWriter() {
    }

    /** Render the report of an aggregated results document. */
    public static String render(ResultsFile results) {
        List<ResultsFile.Test> tests = results.testsWorstFirst();
        Map<String, String> labels = TestNames.labels(tests);
        StringBuilder html = new StringBuilder(8192 + tests.size() * 6144);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>junit-perf report</title><style>").append(STYLE).append(FlameGraph.STYLE).append("</style></head><body>\n");
        header(results, html);
        summary(tests, labels, html);
        EarlierResults.html(results, html);
        notes(results, html);
        sweeps(tests, html);
        html.append("<h2>Tests</h2>\n");
        for (ResultsFile.Test t : tests) {
            HtmlTestSection.render(t, labels.get(t.id()), html);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void header(ResultsFile results, StringBuilder html) {
        long failed = results.count(Verdict.FAILED);
        long inconclusive = results.count(Verdict.INCONCLUSIVE);
        int total = results.tests().size();
        EnvironmentInfo env = results.environment();
        html.append("<header><h1>junit-perf report</h1><p class=\"env\">Generated ")
                .append(Html.escape(orNone(results.generatedAt()))).append(" · JDK ")
                .append(Html.escape(orNone(env.jdk()))).append(" · ").append(Html.escape(orNone(env.vm())))
                .append(" (").append(Html.escape(orNone(env.vendor()))).append(") · GC ")
                .append(Html.escape(String.join(", ", env.gc() == null ? List.of() : env.gc()))).append(" · ")
                .append(env.cpus()).append(" CPUs · max heap ")
                .append(Formats.count(env.maxHeapBytes() >> 20)).append(" MiB · ")
                .append(Html.escape(orNone(env.os()))).append(run(results)).append("</p>")
                .append(String.format(Locale.ROOT, "<p>%d perf tests: %d passed, %d failed, %d inconclusive.</p></header>%n",
                        total, total - failed - inconclusive, failed, inconclusive));
    }

    private static String run(ResultsFile results) {
        return results.run() == null ? "" : "<br>This run: " + Html.escape(results.run().source())
                + (results.run().startedAt() == null ? "" : ", started " + Html.escape(EarlierResults.time(results.run().startedAt())));
    }

    private static String orNone(String text) {
        return text == null ? NONE : text;
    }

    private static void summary(List<ResultsFile.Test> tests, Map<String, String> labels, StringBuilder html) {
        html.append("<h2>Summary</h2>\n<table><thead><tr><th>verdict</th><th>test</th><th>clock</th><th>samples</th>")
                .append("<th>p50</th><th>p99</th><th>max</th><th>wall p50 / p99</th><th>throughput</th>")
                .append("<th>noise</th><th>allocated</th><th>change vs baseline</th><th>breaches / inconclusive</th></tr></thead><tbody>\n");
        for (ResultsFile.Test t : tests) {
            ResultsFile.Run run = t.run();
            ResultsFile.Latency wall = run.wallLatencyMs();
            html.append("<tr class=\"").append(t.verdict()).append("\"><td>").append(verdictBadge(t.verdict()))
                    .append("</td><td class=\"test\"><a href=\"#").append(TestNames.anchor(t.id())).append("\" title=\"")
                    .append(Html.escape(t.className())).append("\">").append(Html.escape(labels.get(t.id())))
                    .append("</a></td><td>").append(Html.escape(run.clock())).append("</td>");
            cell(html, Formats.count(run.samples()));
            cell(html, Formats.millis(run.latencyMs().p50()));
            cell(html, Formats.millis(run.latencyMs().p99()));
            cell(html, Formats.millis(run.latencyMs().max()));
            cell(html, wall != null ? Formats.millis(wall.p50()) + " / " + Formats.millis(wall.p99()) : "(judged)");
            cell(html, Formats.rate(run.throughputPerSec()));
            cell(html, ReportText.noise(run.noise()));
            cell(html, allocated(run.memory()));
            html.append("<td>").append(baseline(t.baseline())).append("</td><td class=\"why\">")
                    .append(Html.escape(String.join("; ", reasons(run)))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    private static void notes(ResultsFile results, StringBuilder html) {
        List<String> notes = new ArrayList<>();
        results.unreadableTestFiles().forEach(f -> notes.add("Unreadable test result file: " + f));
        if (results.baseline() != null) {
            results.baseline().missingFromRun().forEach(m -> notes.add("In the baseline but not in this run: "
                    + (m.test() != null ? m.test() : m.id())));
        }
        list(notes, "notes", html);
    }

    /** Append {@code items} as a list of the given class, or nothing when there are none. */
    static void list(List<String> items, String cssClass, StringBuilder html) {
        if (!items.isEmpty()) {
            html.append(cssClass.isEmpty() ? "<ul>" : "<ul class=\"" + cssClass + "\">");
            items.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>"));
            html.append("</ul>\n");
        }
    }

    private static void sweeps(List<ResultsFile.Test> tests, StringBuilder html) {
        List<SweepCharts.Sweep> sweeps = SweepCharts.find(tests);
        if (sweeps.isEmpty()) {
            return;
        }
        html.append("<h2>Sweeps</h2>\n");
        for (SweepCharts.Sweep sweep : sweeps) {
            html.append("<article><h3>").append(Html.escape(sweep.name())).append("</h3>");
            SvgCharts.render(SweepCharts.chart(sweep), html);
            html.append("<p class=\"caption\">p50 and p99 of ").append(sweep.tests().size()).append(" invocations, ")
                    .append(sweep.numeric() ? "by the number in each display name." : "in invocation order.")
                    .append("</p></article>\n");
        }
    }

    private static String allocated(ResultsFile.Memory memory) {
        if (memory == null || memory.allocatedBytesPerOp() == null) {
            return NONE;
        }
        double b = memory.allocatedBytesPerOp();
        return String.format(Locale.ROOT, b >= 100 ? "%,.0f B/op" : "%.1f B/op", b);
    }

    private static String baseline(ResultsFile.BaselineComparison baseline) {
        if (baseline == null) {
            return NONE;
        }
        StringBuilder cell = new StringBuilder();
        String status = baseline.status() == null ? "" : baseline.status();
        if (!status.isEmpty()) {
            String css = List.of("OK", "WARN", "FAIL", "NEW").contains(status) ? "st-" + status : "v-other";
            cell.append("<span class=\"badge ").append(css).append("\">").append(Html.escape(status)).append("</span>");
        }
        for (ResultsFile.Change change : baseline.changes()) {
            cell.append(' ').append(String.format(Locale.ROOT, "%s&nbsp;%+.1f&nbsp;%%", Html.escape(change.figure()),
                    change.changePct()));
        }
        return cell.isEmpty() ? NONE : cell.toString();
    }

    /** Return every breach and every reason an objective could not be judged. */
    static List<String> reasons(ResultsFile.Run run) {
        List<String> reasons = new ArrayList<>();
        run.breaches().forEach(b -> reasons.add(b.message()));
        reasons.addAll(run.inconclusive());
        return reasons;
    }

    /** Render a verdict as a coloured badge. */
    static String verdictBadge(Verdict verdict) {
        return "<span class=\"badge v-" + verdict + "\">" + verdict + "</span>";
    }
}
