package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.internal.Formats;

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
    private static final String NONE = "—";
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1280px;\
            padding:16px 24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
            h3{font-size:15px;margin:0 0 6px;word-break:break-word}
            .env,.caption,.figures{color:#57606a;font-size:13px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;position:sticky;top:0}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.test{word-break:break-word;max-width:320px}td.why{max-width:360px;word-break:break-word}
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
            ul.notes{color:#7d4e00}
            """;

    private HtmlReportWriter() {
    }

    /** Render the report of an aggregated results document. */
    public static String render(JsonNode results) {
        List<JsonNode> tests = new ArrayList<>();
        results.path("tests").forEach(tests::add);
        tests.sort(Comparator.comparingInt(HtmlReportWriter::rank).thenComparing(HtmlReportWriter::testName));
        StringBuilder html = new StringBuilder(8192 + tests.size() * 6144);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>junit-perf report</title><style>").append(STYLE).append("</style></head><body>\n");
        header(results, tests, html);
        summary(tests, html);
        notes(results, html);
        sweeps(tests, html);
        html.append("<h2>Tests</h2>\n");
        for (int i = 0; i < tests.size(); i++) {
            TestSection.render(tests.get(i), "t" + i, html);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void header(JsonNode results, List<JsonNode> tests, StringBuilder html) {
        long failed = tests.stream().filter(t -> rank(t) == 0).count();
        long inconclusive = tests.stream().filter(t -> rank(t) == 1).count();
        JsonNode env = results.path("environment");
        List<String> gcs = new ArrayList<>();
        env.path("gc").forEach(gc -> gcs.add(gc.asText()));
        html.append("<header><h1>junit-perf report</h1><p class=\"env\">Generated ")
                .append(Html.escape(results.path("generatedAt").asText(NONE))).append(" · JDK ")
                .append(Html.escape(env.path("jdk").asText(NONE))).append(" · ").append(Html.escape(env.path("vm").asText(NONE)))
                .append(" (").append(Html.escape(env.path("vendor").asText(NONE))).append(") · GC ")
                .append(Html.escape(String.join(", ", gcs))).append(" · ").append(env.path("cpus").asInt()).append(" CPUs · max heap ")
                .append(Formats.count(env.path("maxHeapBytes").asLong() >> 20)).append(" MiB · ")
                .append(Html.escape(env.path("os").asText(NONE))).append("</p>")
                .append(String.format(Locale.ROOT, "<p>%d perf tests: %d passed, %d failed, %d inconclusive.</p></header>%n",
                        tests.size(), tests.size() - failed - inconclusive, failed, inconclusive));
    }

    private static void summary(List<JsonNode> tests, StringBuilder html) {
        html.append("<h2>Summary</h2>\n<table><thead><tr><th>verdict</th><th>test</th><th>clock</th><th>samples</th>")
                .append("<th>p50 (ms)</th><th>p99 (ms)</th><th>max (ms)</th><th>wall p50 / p99 (ms)</th><th>throughput</th>")
                .append("<th>noise</th><th>allocated</th><th>change vs baseline</th><th>breaches / inconclusive</th></tr></thead><tbody>\n");
        for (int i = 0; i < tests.size(); i++) {
            JsonNode t = tests.get(i);
            JsonNode latency = t.path("latencyMs");
            html.append("<tr class=\"").append(verdictClass(t).substring(2)).append("\"><td>").append(verdictBadge(t))
                    .append("</td><td class=\"test\"><a href=\"#t").append(i).append("\" title=\"")
                    .append(Html.escape(t.path("class").asText())).append("\">").append(Html.escape(testName(t)))
                    .append("</a></td><td>").append(Html.escape(t.path("clock").asText("wall"))).append("</td>");
            cell(html, Formats.count(t.path("samples").asLong()));
            cell(html, Formats.ms(latency.path("p50").asDouble(Double.NaN)));
            cell(html, Formats.ms(latency.path("p99").asDouble(Double.NaN)));
            cell(html, Formats.ms(latency.path("max").asDouble(Double.NaN)));
            cell(html, wall(t));
            cell(html, Formats.rate(t.path("throughputPerSec").asDouble()));
            cell(html, noise(t));
            cell(html, allocated(t));
            html.append("<td>").append(baseline(t.path("baseline"))).append("</td><td class=\"why\">")
                    .append(Html.escape(String.join("; ", reasons(t)))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    private static void notes(JsonNode results, StringBuilder html) {
        List<String> notes = new ArrayList<>();
        results.path("unreadableTestFiles").forEach(f -> notes.add("Unreadable test result file: " + f.asText()));
        results.path("baseline").path("missingFromRun")
                .forEach(m -> notes.add("In the baseline but not in this run: " + m.path("test").asText(m.path("id").asText())));
        if (!notes.isEmpty()) {
            html.append("<ul class=\"notes\">");
            notes.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>"));
            html.append("</ul>\n");
        }
    }

    private static void sweeps(List<JsonNode> tests, StringBuilder html) {
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

    /** Render one test's section: its figures and its percentile spectrum. */
    private static final class TestSection {

        private TestSection() {
        }

        static void render(JsonNode t, String anchor, StringBuilder html) {
            html.append("<article id=\"").append(anchor).append("\"><h3>").append(verdictBadge(t)).append(' ')
                    .append(Html.escape(t.path("class").asText() + " · " + t.path("displayName").asText())).append("</h3>");
            html.append("<p class=\"figures\">").append(Html.escape(figures(t))).append("</p>");
            html.append("<p class=\"figures\">").append(Html.escape(clockAndNoise(t))).append("</p>");
            List<String> notes = new ArrayList<>();
            t.path("notes").forEach(n -> notes.add(n.asText()));
            if (!notes.isEmpty()) {
                html.append("<ul class=\"notes\">");
                notes.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>"));
                html.append("</ul>");
            }
            List<String> reasons = reasons(t);
            if (!reasons.isEmpty()) {
                html.append("<ul>");
                reasons.forEach(r -> html.append("<li>").append(Html.escape(r)).append("</li>"));
                html.append("</ul>");
            }
            html.append("<div class=\"charts\">");
            Histogram histogram = histogram(t);
            SvgCharts.render(PercentileSpectrum.chart(t, histogram), html);
            html.append("</div><p class=\"caption\">").append(Html.escape(caption(t, histogram))).append("</p></article>\n");
        }

        private static String figures(JsonNode t) {
            JsonNode l = t.path("latencyMs");
            return String.format(Locale.ROOT, "mode %s · %s samples (%s timed) · %s errors · %d thread(s) · batch %d · %s ms"
                            + " · %s · min %s / mean %s / p90 %s / p99.9 %s ms", t.path("mode").asText(),
                    Formats.count(t.path("samples").asLong()), Formats.count(t.path("timedSamples").asLong()),
                    Formats.count(t.path("errors").asLong()), t.path("threads").asInt(), t.path("batchSize").asInt(),
                    Formats.ms(t.path("durationMs").asDouble()), Formats.rate(t.path("throughputPerSec").asDouble()),
                    Formats.ms(l.path("min").asDouble()), Formats.ms(l.path("mean").asDouble()),
                    Formats.ms(l.path("p90").asDouble()), Formats.ms(l.path("p999").asDouble()));
        }

        private static String clockAndNoise(JsonNode t) {
            JsonNode n = t.path("noise");
            JsonNode timer = t.path("timer");
            StringBuilder text = new StringBuilder("judged on the ").append(t.path("clock").asText("wall")).append(" clock");
            JsonNode w = t.path("wallLatencyMs");
            if (w.isObject()) {
                text.append(String.format(Locale.ROOT, " · wall clock (not judged): p50 %s / p99 %s / max %s ms",
                        Formats.ms(w.path("p50").asDouble()), Formats.ms(w.path("p99").asDouble()), Formats.ms(w.path("max").asDouble())));
            }
            text.append(" · noise: ").append(n.path("cpuWaitShare").isNumber()
                    ? String.format(Locale.ROOT, "CPU wait %.1f %%, %s involuntary switches, steal %s", n.path("cpuWaitShare").asDouble() * 100,
                            n.path("involuntaryContextSwitches").isNumber() ? Formats.count(n.path("involuntaryContextSwitches").asLong()) : NONE,
                            n.path("stealShare").isNumber() ? String.format(Locale.ROOT, "%.1f %%", n.path("stealShare").asDouble() * 100) : NONE)
                    : "not measured");
            if (timer.isObject()) {
                text.append(" · timer cost subtracted: ").append(Formats.nanos(timer.path("judgedCostNanos").asDouble())).append(" per timing");
            }
            if (t.path("stopDetail").isTextual()) {
                text.append(" · stopped: ").append(t.path("stopDetail").asText());
            }
            return text.toString();
        }

        private static Histogram histogram(JsonNode t) {
            try {
                return t.path("histogram").isTextual() ? JsonResultsWriter.decode(t.get("histogram").asText()) : new Histogram(3);
            } catch (IllegalArgumentException e) {
                return new Histogram(3);
            }
        }

        private static String caption(JsonNode t, Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return "No latency histogram recorded.";
            }
            String text = "Latency by percentile from " + Formats.count(histogram.getTotalCount())
                    + " timed samples; the red ticks mark latency budgets.";
            JsonNode u = t.path("uncorrectedLatencyMs");
            if (u.isObject()) {
                text += " Open loop: latency is timed from each call's intended start, so it includes queueing"
                        + " (coordinated omission corrected). Uncorrected service time: p50 " + Formats.ms(u.path("p50").asDouble())
                        + " ms, p99 " + Formats.ms(u.path("p99").asDouble()) + " ms, max " + Formats.ms(u.path("max").asDouble()) + " ms.";
            }
            return text;
        }
    }

    private static String wall(JsonNode t) {
        JsonNode w = t.path("wallLatencyMs");
        return w.isObject() ? Formats.ms(w.path("p50").asDouble()) + " / " + Formats.ms(w.path("p99").asDouble()) : "(judged)";
    }

    private static String noise(JsonNode t) {
        JsonNode level = t.path("noise").path("level");
        return t.path("noise").path("cpuWaitShare").isNumber() ? String.format(Locale.ROOT, "%.1f %%", level.asDouble() * 100) : NONE;
    }

    private static String allocated(JsonNode t) {
        JsonNode bytes = t.path("memory").path("allocatedBytesPerOp");
        if (!bytes.isNumber()) {
            return NONE;
        }
        double b = bytes.asDouble();
        return String.format(Locale.ROOT, b >= 100 ? "%,.0f B/op" : "%.1f B/op", b);
    }

    private static String baseline(JsonNode baseline) {
        if (!baseline.isObject()) {
            return NONE;
        }
        String status = baseline.path("status").asText("");
        StringBuilder cell = new StringBuilder();
        if (!status.isEmpty()) {
            String css = List.of("OK", "WARN", "FAIL", "NEW").contains(status) ? "st-" + status : "v-other";
            cell.append("<span class=\"badge ").append(css).append("\">").append(Html.escape(status)).append("</span>");
        }
        for (String figure : List.of("p50", "p99", "mean")) {
            JsonNode change = baseline.path(figure + "ChangePct");
            if (change.isNumber()) {
                cell.append(' ').append(String.format(Locale.ROOT, "%s&nbsp;%+.1f&nbsp;%%", figure, change.asDouble()));
            }
        }
        return cell.isEmpty() ? NONE : cell.toString();
    }

    private static List<String> reasons(JsonNode t) {
        List<String> reasons = new ArrayList<>();
        t.path("breaches").forEach(b -> reasons.add(b.path("message").asText()));
        t.path("inconclusive").forEach(i -> reasons.add(i.asText()));
        return reasons;
    }

    private static String verdictBadge(JsonNode t) {
        return "<span class=\"badge " + verdictClass(t) + "\">" + Html.escape(t.path("verdict").asText("?")) + "</span>";
    }

    private static String verdictClass(JsonNode t) {
        String verdict = t.path("verdict").asText();
        return List.of("FAILED", "INCONCLUSIVE", "PASSED").contains(verdict) ? "v-" + verdict : "v-other";
    }

    private static int rank(JsonNode test) {
        return switch (test.path("verdict").asText()) {
            case "FAILED" -> 0;
            case "INCONCLUSIVE" -> 1;
            default -> 2;
        };
    }

    private static String testName(JsonNode t) {
        String className = t.path("class").asText();
        return className.substring(className.lastIndexOf('.') + 1) + " · " + t.path("displayName").asText();
    }
}
