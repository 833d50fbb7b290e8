package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.statistics.Percentiles;
import dev.junitperf.internal.text.Formats;

/**
 * Turn a latency histogram into HdrHistogram's percentile-spectrum chart.
 *
 * <p>The x axis is {@code 1 / (1 - p)} on a log scale, so 90 %, 99 %, 99.9 % … are evenly spaced and
 * the tail gets as much room as the median; the y axis is latency, also on a log scale, its decades labelled in
 * the unit that suits each ({@code 1 µs}, {@code 10 µs} … {@code 1 ms}).
 * The points come from one pass over the recorded buckets, evenly spaced on that axis (up to twenty a
 * decade) and at most {@link #MAX_POINTS}, so the output does not grow with the sample count.
 */
final class PercentileSpectrum {

    /** The most points one chart draws. */
    static final int MAX_POINTS = 200;
    private static final int MAX_POINTS_PER_DECADE = 20;
    private static final int MAX_DECADES = 8;
    private static final double NANOS_PER_MS = 1e6;
    private static final double SMALLEST_MS = 1e-6;
    /** Buckets summed at a time by {@link #points} where no point falls. */
    private static final int BLOCK = 32;

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
        double target = target(n, xs.length, nextTail, total);
        // The rule is per bucket (recordedValues() order: a point where the running count reaches each target), but
        // HdrHistogram's iterators cost ~10 ns a bucket and a 3-digit histogram has ~1,000 buckets per doubling, which
        // made this loop most of report.html's rendering. So buckets are summed BLOCK at a time with the tight loop of
        // getCountBetweenValues, and only a block where a target is reached is walked bucket by bucket.
        long max = histogram.getMaxValue();
        long v = histogram.lowestEquivalentValue(histogram.getMinValue());
        while (v <= max) {
            long blockEnd = Math.min(v + BLOCK * histogram.sizeOfEquivalentValueRange(v) - 1, histogram.highestEquivalentValue(max));
            long inBlock = histogram.getCountBetweenValues(v, blockEnd);
            if (seen + inBlock < target) {
                seen += inBlock;
                v = histogram.nextNonEquivalentValue(blockEnd);
                continue;
            }
            for (; v <= blockEnd; v = histogram.nextNonEquivalentValue(v)) {
                seen += histogram.getCountAtValue(v);
                while (seen >= target) {
                    xs[n] = 1 / nextTail;
                    ys[n] = milliseconds(histogram.highestEquivalentValue(v));
                    n++;
                    nextTail = Math.pow(10, -(double) n / perDecade);
                    target = target(n, xs.length, nextTail, total);
                }
            }
        }
        xs[n] = total;
        ys[n] = milliseconds(histogram.getMaxValue());
        return new double[][] {Arrays.copyOf(xs, n + 1), Arrays.copyOf(ys, n + 1)};
    }

    /** Return the running count at which point {@code n} is drawn, or infinity when no more points are due. */
    private static double target(int n, int length, double nextTail, long total) {
        return n < length - 1 && 1 / nextTail < total ? Math.ceil((1 - nextTail) * total) : Double.POSITIVE_INFINITY;
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
