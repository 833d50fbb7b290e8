package dev.junitperf.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import org.apiguardian.api.API;

/** Format durations, rates and counts the same way in messages, console lines and reports. */
@API(status = INTERNAL, since = "0.1")
public final class Formats {

    private static final MathContext THREE_DIGITS = new MathContext(3);
    private static final double[] SCALES = {1, 1e3, 1e6, 1e9};
    private static final String[] UNITS = {"ns", "µs", "ms", "s"};

    private Formats() {
    }

    /** Format milliseconds: two decimals from 1 ms up, three significant digits below. */
    public static String ms(double millis) {
        if (millis == 0 || Double.isNaN(millis) || Double.isInfinite(millis)) {
            return String.valueOf(millis == 0 ? "0" : millis);
        }
        if (Math.abs(millis) >= 1) {
            return String.format(Locale.ROOT, "%,.2f", millis);
        }
        return new BigDecimal(millis).round(new MathContext(3)).toPlainString();
    }

    /**
     * Format a duration given in nanoseconds in the unit that suits it (ns, µs, ms, s), three significant digits.
     *
     * <p>For example {@code 12.9 ns}, {@code 340 ns}, {@code 1.23 µs}, {@code 45.6 ms}, {@code 1.20 s}. The unit is
     * chosen after rounding, so 999.7 ns reads {@code 1.00 µs}, not {@code 1,000 ns}.
     */
    public static String nanos(double nanos) {
        if (Double.isNaN(nanos) || Double.isInfinite(nanos)) {
            return String.valueOf(nanos);
        }
        int unit = unit(nanos);
        return significant(nanos / SCALES[unit]) + " " + UNITS[unit];
    }

    /** Format a duration given in milliseconds in the unit that suits it, as {@link #nanos}: {@code 0.000048} reads {@code 48.0 ns}. */
    public static String millis(double millis) {
        return nanos(millis * 1e6);
    }

    /**
     * Format a range of milliseconds with one unit when both ends suit it, e.g. {@code 201–226 µs}, else with a unit
     * per end, e.g. {@code 980 µs–1.02 ms}.
     */
    public static String millisRange(double lowerMillis, double upperMillis) {
        double lower = lowerMillis * 1e6;
        double upper = upperMillis * 1e6;
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || unit(lower) != unit(upper)) {
            return nanos(lower) + "–" + nanos(upper);
        }
        int unit = unit(upper);
        return significant(lower / SCALES[unit]) + "–" + significant(upper / SCALES[unit]) + " " + UNITS[unit];
    }

    private static int unit(double nanos) {
        double abs = nanos == 0 ? 0 : Math.abs(new BigDecimal(nanos).round(THREE_DIGITS).doubleValue());
        int unit = 0;
        while (unit < SCALES.length - 1 && abs >= SCALES[unit + 1]) {
            unit++;
        }
        return unit;
    }

    private static String significant(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(THREE_DIGITS);
        rounded = rounded.setScale(Math.max(0, THREE_DIGITS.getPrecision() - (rounded.precision() - rounded.scale())),
                RoundingMode.HALF_EVEN);
        String plain = rounded.toPlainString();
        return rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? String.format(Locale.ROOT, "%,.0f", rounded) : plain;
    }

    /** Format a count with thousands separators, e.g. {@code 1,234,567}. */
    public static String count(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
        int head = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, start, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** Format a rate per second with one decimal. */
    public static String rate(double perSec) {
        return String.format(Locale.ROOT, "%,.1f/s", perSec);
    }

    /** Format a fraction as a percentage. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /** Format a percentile label, e.g. 99.9 as {@code p99.9}. */
    public static String percentileLabel(double percentile) {
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }
}
