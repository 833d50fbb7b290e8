package dev.junitperf.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.apiguardian.api.API;

/** Format durations, rates and counts the same way in messages, console lines and reports. */
@API(status = INTERNAL, since = "0.1")
public final class Formats {

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
     * <p>For example {@code 12.9 ns}, {@code 340 ns}, {@code 1.23 µs}, {@code 45.6 ms}, {@code 1.20 s}.
     */
    public static String nanos(double nanos) {
        if (Double.isNaN(nanos) || Double.isInfinite(nanos)) {
            return String.valueOf(nanos);
        }
        double abs = Math.abs(nanos);
        if (abs < 1_000) {
            return significant(nanos) + " ns";
        }
        if (abs < 1_000_000) {
            return significant(nanos / 1e3) + " µs";
        }
        if (abs < 1_000_000_000) {
            return significant(nanos / 1e6) + " ms";
        }
        return significant(nanos / 1e9) + " s";
    }

    private static String significant(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        String plain = rounded.toPlainString();
        return rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? String.format(Locale.ROOT, "%,.0f", rounded) : plain;
    }

    /** Format a count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
