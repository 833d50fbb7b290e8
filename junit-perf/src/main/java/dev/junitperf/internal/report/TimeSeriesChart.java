package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.junitperf.internal.results.LoadResults;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Chart latency over time: p50, p99 and max of each interval against the time since the measurement started, with the
 * phases of a load profile shaded behind the lines and each recovery marked.
 *
 * <p>An interval holds the invocations that completed in it, so a backlog a burst leaves behind shows after the burst,
 * until it has drained. The y axis is logarithmic, so a quiet p50 and a burst's max fit on one chart; an interval with
 * no completed invocation leaves a gap. At most {@value #MAX_POINTS} points a line: longer series are drawn from the
 * largest value of each run of neighbouring intervals, so no spike is lost.
 */
final class TimeSeriesChart {

    /** The most points one line draws. */
    static final int MAX_POINTS = 300;
    private static final double SMALLEST_MS = 1e-6;

    private TimeSeriesChart() {
    }

    /** Render the chart of a run that recorded latency over time, with its caption; nothing for one that did not. */
    static void render(ResultsFile.Test test, StringBuilder html) {
        LoadResults.Timeline timeline = test.run().timeline();
        if (timeline == null || timeline.size() == 0) {
            return;
        }
        html.append("<figure class=\"timeline\">");
        SvgCharts.render(chart(test, timeline), bands(test.run().phases()), html);
        html.append("<figcaption class=\"caption\">").append(Html.escape(caption(timeline, test.run())))
                .append("</figcaption></figure>");
    }

    /** Describe the chart of {@code timeline}, without its bands. */
    static SvgCharts.Chart chart(ResultsFile.Test test, LoadResults.Timeline timeline) {
        int n = timeline.size();
        int group = (n + MAX_POINTS - 1) / MAX_POINTS;
        int points = (n + group - 1) / group;
        double[] xs = new double[points];
        double[][] ys = new double[3][points];
        double low = Double.MAX_VALUE;
        double high = SMALLEST_MS;
        for (int p = 0; p < points; p++) {
            int from = p * group;
            int to = Math.min(n, from + group);
            xs[p] = (timeline.startMs()[from] + timeline.endMs()[to - 1]) / 2 / 1000;
            double[][] columns = {timeline.p50Ms(), timeline.p99Ms(), timeline.maxMs()};
            for (int c = 0; c < 3; c++) {
                double y = Double.NaN;
                for (int i = from; i < to; i++) {
                    if (timeline.samples()[i] > 0) {
                        y = Double.isNaN(y) ? columns[c][i] : Math.max(y, columns[c][i]);
                    }
                }
                ys[c][p] = Double.isNaN(y) ? Double.NaN : Math.max(SMALLEST_MS, y);
                if (!Double.isNaN(y)) {
                    low = Math.min(low, ys[c][p]);
                    high = Math.max(high, ys[c][p]);
                }
            }
        }
        List<SvgCharts.Marker> markers = recoveries(test.run().phases());
        for (SvgCharts.Marker m : markers) {
            low = Math.min(low, m.y());
            high = Math.max(high, m.y());
        }
        low = low == Double.MAX_VALUE ? SMALLEST_MS : low;
        double end = timeline.endMs()[n - 1] / 1000;
        List<SvgCharts.Series> series = List.of(
                new SvgCharts.Series("p50", "s-p50", xs, ys[0], false),
                new SvgCharts.Series("p99", "s-p99", xs, ys[1], false),
                new SvgCharts.Series("max", "s-max", xs, ys[2], false));
        return new SvgCharts.Chart("timeline", "Latency over time of " + test.displayName(),
                SvgCharts.Axis.linear("time since the measurement started (s)", end, TimeSeriesChart::seconds),
                SvgCharts.Axis.decades("latency (log scale)", low, high, SvgCharts::millisDecade), series, markers);
    }

    /** Return one band per phase, labelled with its name and rate. */
    static List<SvgCharts.Band> bands(List<LoadResults.Phase> phases) {
        List<SvgCharts.Band> bands = new ArrayList<>();
        for (LoadResults.Phase p : phases) {
            bands.add(new SvgCharts.Band(p.startMs() / 1000, p.endMs() / 1000, p.name() + " " + PhaseTable.rate(p)));
        }
        return bands;
    }

    /** Mark where each recovery ended, at the height of its threshold. */
    private static List<SvgCharts.Marker> recoveries(List<LoadResults.Phase> phases) {
        List<SvgCharts.Marker> markers = new ArrayList<>();
        for (LoadResults.Phase p : phases) {
            for (LoadResults.Recovery r : p.recoveries()) {
                if (r.recoveredAfterMs() != null && r.thresholdMs() > 0) {
                    markers.add(new SvgCharts.Marker((p.endMs() + r.recoveredAfterMs()) / 1000, r.thresholdMs(),
                            String.format(Locale.ROOT, "%s back after %s ms", Formats.percentileLabel(r.percentile()),
                                    Formats.ms(r.recoveredAfterMs()))));
                }
            }
        }
        return markers;
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(Math.round(s * 100) / 100.0);
    }

    /** Say what the chart shows, for its caption. */
    static String caption(LoadResults.Timeline timeline, ResultsFile.Run run) {
        boolean openLoop = run.uncorrectedLatencyMs() != null;
        return String.format(Locale.ROOT, "Latency over time on the %s clock: p50, p99 and max of the invocations that "
                + "completed in each %s interval%s%s.%s", run.clock(), Formats.nanos(timeline.intervalMs() * 1e6),
                openLoop ? ", timed from each one's intended start (coordinated omission corrected), so a backlog shows "
                        + "until it has drained" : "",
                run.phases().isEmpty() ? "" : "; the shaded bands are the load profile's phases, and a red tick marks "
                        + "where latency was back after one",
                timeline.notes().isEmpty() ? "" : " " + String.join("; ", timeline.notes()) + ".");
    }
}
