package dev.agentruntime.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summarize the rounds of one measurement as median and spread.
 *
 * @param rounds the measured value of each round
 */
record Stats(double[] rounds) {

    double median() {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(rounds).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(rounds).max().orElse(Double.NaN);
    }

    String format(double scale, String unit) {
        return String.format(Locale.ROOT, "%.2f %s [%.2f-%.2f]", median() / scale, unit, min() / scale, max() / scale);
    }
}
