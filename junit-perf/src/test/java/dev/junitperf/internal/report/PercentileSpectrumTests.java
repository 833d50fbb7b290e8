package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

/**
 * Check {@link PercentileSpectrum#points}, which sums a histogram's buckets in blocks for speed, against the same rule
 * applied the plain way, bucket by bucket with HdrHistogram's {@code recordedValues()} iterator.
 */
class PercentileSpectrumTests {

    private static final long HOUR_NANOS = 3_600_000_000_000L;

    @Test
    void pointsAreThoseOfTheRecordedValuesIterator() {
        qt().withExamples(400).withShrinkCycles(50)
                .forAll(lists().of(longs().between(0, HOUR_NANOS)).ofSizeBetween(1, 300), integers().between(1, 100_000),
                        longs().between(0, 10_000_000L))
                .checkAssert((values, repeat, scale) -> {
                    Histogram h = histogram(values, repeat, scale);

                    double[][] points = PercentileSpectrum.points(h);

                    double[][] plain = plainPoints(h);
                    assertThat(points[0]).as("x of %s × %d, last %d times", values, scale, repeat).containsExactly(plain[0]);
                    assertThat(points[1]).as("y of %s × %d, last %d times", values, scale, repeat).containsExactly(plain[1]);
                });
    }

    @Test
    void clusteredValuesWithALongTailGiveThePlainPoints() {
        Histogram h = new Histogram(HOUR_NANOS, 3);
        for (int i = 0; i < 100_000; i++) {
            h.recordValue(20_000 + i % 3_000);
        }
        h.recordValueWithCount(5_000_000, 30);
        h.recordValue(HOUR_NANOS);

        double[][] points = PercentileSpectrum.points(h);

        assertThat(points[0]).containsExactly(plainPoints(h)[0]);
        assertThat(points[1]).containsExactly(plainPoints(h)[1]);
        assertThat(points[0]).hasSizeGreaterThan(50);
    }

    @Test
    void aSingleValueOfZeroGivesThePlainPoints() {
        Histogram h = new Histogram(HOUR_NANOS, 3);
        h.recordValueWithCount(0, 7);

        double[][] points = PercentileSpectrum.points(h);

        assertThat(points[0]).containsExactly(plainPoints(h)[0]);
        assertThat(points[1]).containsExactly(plainPoints(h)[1]);
    }

    /** The values scaled by {@code scale} (capped at an hour) once each, the last of them {@code repeat} times. */
    private static Histogram histogram(List<Long> values, int repeat, long scale) {
        Histogram h = new Histogram(HOUR_NANOS, 3);
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i) / Math.max(1, scale);
            h.recordValueWithCount(v, i == values.size() - 1 ? repeat : 1);
        }
        return h;
    }

    /** The spectrum's rule applied bucket by bucket over {@code recordedValues()}, as {@code points} did before blocks. */
    private static double[][] plainPoints(Histogram histogram) {
        long total = histogram.getTotalCount();
        double decades = Math.log10(total);
        int perDecade = (int) Math.max(1, Math.min(20, (PercentileSpectrum.MAX_POINTS - 2) / Math.max(1, decades)));
        double[] xs = new double[(int) Math.ceil(decades * perDecade) + 2];
        double[] ys = new double[xs.length];
        int n = 0;
        long seen = 0;
        double nextTail = 1;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            while (n < xs.length - 1 && 1 / nextTail < total && seen >= Math.ceil((1 - nextTail) * total)) {
                xs[n] = 1 / nextTail;
                ys[n] = Math.max(1e-6, v.getValueIteratedTo() / 1e6);
                n++;
                nextTail = Math.pow(10, -(double) n / perDecade);
            }
        }
        xs[n] = total;
        ys[n] = Math.max(1e-6, histogram.getMaxValue() / 1e6);
        return new double[][] {Arrays.copyOf(xs, n + 1), Arrays.copyOf(ys, n + 1)};
    }
}
