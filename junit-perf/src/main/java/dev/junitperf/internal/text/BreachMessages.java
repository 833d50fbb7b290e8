package dev.junitperf.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * Word every breach alike, whether an {@code @Slo} or a {@code PerfResultAssert} assertion found it.
 *
 * <p>Takes figures, not result types, so the public API and the verdict stage can both use it without
 * depending on each other.
 */
@API(status = INTERNAL, since = "0.1")
public final class BreachMessages {

    private BreachMessages() {
    }

    /**
     * Describe a breached percentile, e.g. {@code p99 = 7.31 ms > budget 5.00 ms (95% CI 6.90–7.80 ms, n = 1,000)}, each
     * figure in the unit that suits it ({@code p99 = 215 µs > budget 10.0 µs …}).
     */
    public static String percentile(String label, double valueMs, double budgetMs, double lowerMs, double upperMs,
                                    long samples) {
        return String.format(Locale.ROOT, "%s = %s > budget %s (95%% CI %s, n = %s)", label, Formats.millis(valueMs),
                Formats.millis(budgetMs), Formats.millisRange(lowerMs, upperMs), Formats.count(samples));
    }

    /** Describe a breached mean or max. */
    public static String scalar(String label, double actualMs, double budgetMs, long samples) {
        return String.format(Locale.ROOT, "%s = %s > budget %s (n = %s)",
                label, Formats.millis(actualMs), Formats.millis(budgetMs), Formats.count(samples));
    }

    /** Describe a throughput below its minimum. */
    public static String throughput(double perSec, double minimum, long samples, double durationMs) {
        return String.format(Locale.ROOT, "throughput = %s < minimum %s (n = %s in %s)",
                Formats.rate(perSec), Formats.rate(minimum), Formats.count(samples), Formats.millis(durationMs));
    }

    /** Describe an error rate above its budget, naming the first error. */
    public static String errorRate(double rate, long errors, long successes, double budget, Optional<String> firstError) {
        return String.format(Locale.ROOT, "error rate = %s (%s of %s) > budget %s%s",
                Formats.percent(rate), Formats.count(errors), Formats.count(errors + successes), Formats.percent(budget),
                firstError.map(t -> " (first error: " + t + ")").orElse(""));
    }

    /** Explain why a percentile cannot be judged and what to change. */
    public static String tooFewSamples(String label, long samples, long required, int batchSize) {
        return String.format(Locale.ROOT,
                "%s cannot be judged: %s samples were taken, at least %s are needed for a 95 %% bound; "
                        + "raise `iterations` or `durationMs`%s",
                label, Formats.count(samples), Formats.count(required),
                batchSize > 1 ? " (the body ran in batches of " + batchSize + ")" : "");
    }
}
