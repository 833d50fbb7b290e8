package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.statistics.Percentiles;
import dev.junitperf.internal.text.Formats;

/**
 * Turn a latency histogram into HdrHistogram's percentile-spectrum chart.
 *
 * <p>The x axis is {@code 1 / (1 - p)} on a log scale, so 90 %, 99 %, 99.9 % … are evenly spaced and
 * the tail gets as much room as the median; the y axis is latency, also on a log scale, its decades labelled in
 * the unit that suits each ({@code 1 µs}, {@code 10 µs} … {@code 1 ms}).
 * The points come from one pass over the recorded values, evenly spaced on that axis (up to twenty a
 * decade) and at most {@link #MAX_POINTS}, so the output does not grow with the sample count.
 */
final class PercentileSpectrum {

    /** The most points one chart draws. */
    static final int MAX_POINTS = 200;
    private static final int MAX_POINTS_PER_DECADE = 20;
    private static final int MAX_DECADES = 8;
    private static final double NANOS_PER_MS = 1e6;
    private static final double SMALLEST_MS = 1e-6;

    private PercentileSpectrum() {
    }

    /** Return {@code {xs, ys}}: {@code 1 / (1 - p)} and latency in milliseconds, at most {@link #MAX_POINTS} of each. */
    static double[][] points(Histogram histogram) {
        long total = histogram.getTotalCount();
        if (total == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        double decades = Math.log10(total);
        int perDecade = (int) Math.max(1, Math.min(MAX_POINTS_PER_DECADE, (MAX_POINTS - 2) / Math.max(1, decades)));
        double[] xs = new double[(int) Math.ceil(decades * perDecade) + 2];
        double[] ys = new double[xs.length];
        int n = 0;
        long seen = 0;
        double nextTail = 1;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            while (n < xs.length - 1 && 1 / nextTail < total && seen >= Math.ceil((1 - nextTail) * total)) {
                xs[n] = 1 / nextTail;
                ys[n] = milliseconds(v.getValueIteratedTo());
                n++;
                nextTail = Math.pow(10, -(double) n / perDecade);
            }
        }
        xs[n] = total;
        ys[n] = milliseconds(histogram.getMaxValue());
        return new double[][] {Arrays.copyOf(xs, n + 1), Arrays.copyOf(ys, n + 1)};
    }

    private static double milliseconds(long nanos) {
        return Math.max(SMALLEST_MS, nanos / NANOS_PER_MS);
    }

    /** Describe the spectrum chart of one test, with its latency budgets marked. */
    static SvgCharts.Chart chart(ResultsFile.Test test, Histogram histogram) {
        double[][] points = points(histogram);
        double lastX = points[0].length == 0 ? 100 : points[0][points[0].length - 1];
        List<SvgCharts.Marker> markers = budgets(test, lastX);
        double low = Double.MAX_VALUE;
        double high = SMALLEST_MS;
        for (double y : points[1]) {
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        for (SvgCharts.Marker m : markers) {
            low = Math.min(low, m.y());
            high = Math.max(high, m.y());
        }
        low = low == Double.MAX_VALUE ? SMALLEST_MS : low;
        boolean openLoop = test.run().uncorrectedLatencyMs() != null;
        String name = openLoop ? "latency, corrected for coordinated omission (timed from intended start)" : "latency";
        SvgCharts.Series series = new SvgCharts.Series(name, "s-latency", points[0], points[1], false);
        return new SvgCharts.Chart("spectrum", "Latency by percentile of " + test.testName(),
                xAxis(lastX), SvgCharts.Axis.decades("latency (log scale)", low, high, SvgCharts::millisDecade),
                List.of(series), markers);
    }

    private static SvgCharts.Axis xAxis(double lastX) {
        int decades = Math.max(2, Math.min(MAX_DECADES, (int) Math.ceil(Math.log10(lastX) - 1e-9)));
        List<SvgCharts.Tick> ticks = new ArrayList<>();
        for (int k = 0; k <= decades; k++) {
            ticks.add(new SvgCharts.Tick(Math.pow(10, k), percentileLabel(k)));
        }
        return new SvgCharts.Axis("percentile (log scale of 1 / (1 − p))", true, 1, Math.pow(10, decades), ticks);
    }

    /** Label the percentile whose tail is {@code 10^-nines}: 0 %, 90 %, 99 %, 99.9 % … */
    static String percentileLabel(int nines) {
        return switch (nines) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99." + "9".repeat(nines - 2) + "%";
        };
    }

    private static List<SvgCharts.Marker> budgets(ResultsFile.Test test, double lastX) {
        List<SvgCharts.Marker> markers = new ArrayList<>();
        for (double percentile : Percentiles.REPORTED) {
            String label = Formats.percentileLabel(percentile);
            test.budget(label.replace(".", "") + "Ms").filter(b -> b > 0).ifPresent(b -> markers.add(new SvgCharts.Marker(
                    1 / (1 - percentile / 100), b, label + " budget " + Formats.millis(b))));
        }
        test.budget("maxMs").filter(b -> b > 0).ifPresent(b -> markers.add(new SvgCharts.Marker(lastX, b,
                "max budget " + Formats.millis(b))));
        markers.sort((a, b) -> Double.compare(a.x(), b.x()));
        return markers;
    }
}
