package dev.junitperf.internal.report;

import java.util.Locale;

import org.HdrHistogram.Histogram;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Render one test's section of {@code report.html}: its figures, clock and noise, notes, breaches, spectrum and, for a
 * recorded breach, its flame graph.
 */
final class HtmlTestSection {

    private HtmlTestSection() {
    }

    static void render(ResultsFile.Test t, String label, StringBuilder html) {
        ResultsFile.Run run = t.run();
        html.append("<article id=\"").append(TestNames.anchor(t.id())).append("\"><h3 title=\"")
                .append(Html.escape(t.id())).append("\">").append(HtmlReportWriter.verdictBadge(t.verdict()))
                .append(' ').append(Html.escape(label)).append("</h3>");
        html.append("<p class=\"figures\">").append(Html.escape(figures(t))).append("</p>");
        html.append("<p class=\"figures\">").append(Html.escape(clockAndNoise(run))).append("</p>");
        HtmlReportWriter.list(run.notes(), "notes", html);
        HtmlReportWriter.list(HtmlReportWriter.reasons(run), "", html);
        html.append("<div class=\"charts\">");
        Histogram histogram = histogram(t);
        SvgCharts.render(PercentileSpectrum.chart(t, histogram), html);
        html.append("</div><p class=\"caption\">").append(Html.escape(caption(run, histogram))).append("</p>");
        TimeSeriesChart.render(t, html);
        PhaseTable.render(run, html);
        FlameGraph.section(t, label, html);
        html.append("</article>\n");
    }

    private static String figures(ResultsFile.Test t) {
        ResultsFile.Run r = t.run();
        ResultsFile.Latency l = r.latencyMs();
        return String.format(Locale.ROOT, "mode %s · %s samples (%s timed) · %s errors · %d thread(s) · batch %d · %s"
                        + " · %s · min %s · mean %s · p90 %s · p99.9 %s", t.mode(),
                Formats.count(r.samples()), Formats.count(r.timedSamples()), Formats.count(r.errors()), r.threads(),
                r.batchSize(), Formats.millis(r.durationMs()), Formats.rate(r.throughputPerSec()), Formats.millis(l.min()),
                Formats.millis(l.mean()), Formats.millis(l.p90()), Formats.millis(l.p999()));
    }

    private static String clockAndNoise(ResultsFile.Run r) {
        StringBuilder text = new StringBuilder("judged on the ").append(r.clock()).append(" clock");
        ResultsFile.Latency w = r.wallLatencyMs();
        if (w != null) {
            text.append(String.format(Locale.ROOT, " · wall clock (not judged): p50 %s / p99 %s / max %s",
                    Formats.millis(w.p50()), Formats.millis(w.p99()), Formats.millis(w.max())));
        }
        ResultsFile.Noise n = r.noise();
        text.append(" · noise: ").append(n != null && n.cpuWaitShare() != null
                ? String.format(Locale.ROOT, "CPU wait %.1f %%, %s involuntary switches, steal %s", n.cpuWaitShare() * 100,
                        n.involuntaryContextSwitches() != null ? Formats.count(n.involuntaryContextSwitches()) : HtmlReportWriter.NONE,
                        n.stealShare() != null ? String.format(Locale.ROOT, "%.1f %%", n.stealShare() * 100) : HtmlReportWriter.NONE)
                : "not measured");
        if (r.timer() != null) {
            text.append(" · timer cost subtracted: ").append(Formats.nanos(r.timer().judgedCostNanos())).append(" per timing");
        }
        if (r.stopDetail() != null) {
            text.append(" · stopped: ").append(r.stopDetail());
        }
        return text.toString();
    }

    private static Histogram histogram(ResultsFile.Test t) {
        try {
            return t.histogram() != null ? t.latencyHistogram() : new Histogram(3);
        } catch (IllegalArgumentException e) {
            return new Histogram(3);
        }
    }

    private static String caption(ResultsFile.Run r, Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "No latency histogram recorded.";
        }
        String text = "Latency by percentile from " + Formats.count(histogram.getTotalCount())
                + " timed samples; the red ticks mark latency budgets.";
        ResultsFile.Latency u = r.uncorrectedLatencyMs();
        if (u != null) {
            text += " Open loop: latency is timed from each call's intended start, so it includes queueing"
                    + " (coordinated omission corrected). Uncorrected service time: p50 " + Formats.millis(u.p50())
                    + ", p99 " + Formats.millis(u.p99()) + ", max " + Formats.millis(u.max()) + ".";
        }
        return text;
    }
}
