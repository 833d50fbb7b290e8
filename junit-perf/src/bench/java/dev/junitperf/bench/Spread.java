package dev.junitperf.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summarise repeated rounds of one figure as median and min–max.
 *
 * @param median the middle round (the upper middle one for an even count)
 * @param min the smallest round
 * @param max the largest round
 * @param rounds how many rounds were taken
 */
record Spread(double median, double min, double max, int rounds) {

    /** Summarise the given round values. */
    static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one round");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new Spread(v[v.length / 2], v[0], v[v.length - 1], v.length);
    }

    /** Format with the given pattern for each of median, min and max, e.g. {@code "%,.0f"}. */
    String format(String pattern) {
        String median = String.format(Locale.ROOT, pattern, this.median);
        if (rounds == 1) {
            return median;
        }
        return median + String.format(Locale.ROOT, " [" + pattern + "–" + pattern + "]", min, max);
    }
}
