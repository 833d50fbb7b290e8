package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.junitperf.internal.results.LoadResults;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/** Render the table of a load profile's phases: rate, counts, latency, budgets, slowdown and recovery. */
final class PhaseTable {

    private PhaseTable() {
    }

    /** Render the phases of {@code run}; nothing for a run without a profile. */
    static void render(ResultsFile.Run run, StringBuilder html) {
        if (run.phases().isEmpty()) {
            return;
        }
        html.append("<table class=\"phases\"><thead><tr><th>phase</th><th>time (s)</th><th>rate</th><th>samples</th>")
                .append("<th>errors</th><th>p50 (ms)</th><th>p99 (ms)</th><th>max (ms)</th><th>objectives</th>")
                .append("<th>recovery after it</th></tr></thead><tbody>");
        for (LoadResults.Phase p : run.phases()) {
            html.append("<tr><td>").append(Html.escape(p.name())).append("</td>");
            cell(html, String.format(Locale.ROOT, "%.2f–%.2f", p.startMs() / 1000, p.endMs() / 1000));
            cell(html, rate(p));
            cell(html, Formats.count(p.samples()));
            cell(html, Formats.count(p.errors()));
            cell(html, Formats.ms(p.latencyMs().p50()));
            cell(html, Formats.ms(p.latencyMs().p99()));
            cell(html, Formats.ms(p.latencyMs().max()));
            html.append("<td>").append(Html.escape(objectives(p))).append("</td><td>")
                    .append(Html.escape(recoveries(p))).append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    /** Return a phase's rate: {@code 500/s}, or {@code 100→5,000/s} for a ramp. */
    static String rate(LoadResults.Phase p) {
        String from = Formats.count(Math.round(p.fromPerSec()));
        return p.fromPerSec() == p.toPerSec() ? from + "/s" : from + "→" + Formats.count(Math.round(p.toPerSec())) + "/s";
    }

    private static String objectives(LoadResults.Phase p) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Number> budget : p.slo().entrySet()) {
            if (!budget.getKey().equals("maxSlowdownPct")) {
                parts.add(budget.getKey().replace("Ms", "") + " ≤ " + Formats.ms(budget.getValue().doubleValue()) + " ms");
            }
        }
        LoadResults.Slowdown s = p.slowdown();
        if (s != null) {
            parts.add(String.format(Locale.ROOT, "p50 vs %s: %s (≤ %+.0f %%)", s.comparedTo(),
                    Double.isNaN(s.pct()) ? HtmlReportWriter.NONE : String.format(Locale.ROOT, "%+.1f %%", s.pct()), s.maxPct()));
        }
        return parts.isEmpty() ? HtmlReportWriter.NONE : String.join("; ", parts);
    }

    private static String recoveries(LoadResults.Phase p) {
        List<String> parts = new ArrayList<>();
        for (LoadResults.Recovery r : p.recoveries()) {
            parts.add(String.format(Locale.ROOT, "%s back within %s× %s's %s ms: %s (budget %s ms)",
                    Formats.percentileLabel(r.percentile()), number(r.factor()), r.baseline(), Formats.ms(r.baselineMs()),
                    r.recoveredAfterMs() == null ? "not within the " + Formats.ms(r.availableMs()) + " ms left"
                            : Formats.ms(r.recoveredAfterMs()) + " ms", Formats.ms(r.maxRecoveryMs())));
        }
        return parts.isEmpty() ? HtmlReportWriter.NONE : String.join("; ", parts);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }
}
