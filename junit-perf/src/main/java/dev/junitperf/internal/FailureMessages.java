package dev.junitperf.internal;

import java.util.List;
import java.util.Locale;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;

/** Build every failure message of the extension and the assertions, so they read alike. */
public final class FailureMessages {

    private static final double[] TABLE_PERCENTILES = {50, 90, 99, 99.9};

    private FailureMessages() {
    }

    /** Describe a breached percentile, e.g. {@code p99 = 7.31 ms > budget 5.00 ms (95% CI 6.90–7.80 ms, n = 1,000)}. */
    public static String percentileBreach(String label, PercentileEstimate e, double budgetMs) {
        return String.format(Locale.ROOT, "%s = %s ms > budget %s ms (95%% CI %s–%s ms, n = %s)",
                label, Formats.ms(e.valueMs()), Formats.ms(budgetMs), Formats.ms(e.lowerMs()), Formats.ms(e.upperMs()),
                Formats.count(e.samples()));
    }

    /** Describe a breached mean or max. */
    public static String scalarBreach(String label, double actualMs, double budgetMs, PerfResult result) {
        return String.format(Locale.ROOT, "%s = %s ms > budget %s ms (n = %s)",
                label, Formats.ms(actualMs), Formats.ms(budgetMs), Formats.count(result.invocations()));
    }

    /** Describe a throughput below its minimum. */
    public static String throughputBreach(PerfResult result, double minimum) {
        return String.format(Locale.ROOT, "throughput = %s < minimum %s (n = %s in %s ms)",
                Formats.rate(result.throughputPerSec()), Formats.rate(minimum), Formats.count(result.invocations()),
                Formats.ms(result.duration().toNanos() / 1e6));
    }

    /** Describe an error rate above its budget, naming the first error. */
    public static String errorRateBreach(PerfResult result, double budget) {
        return String.format(Locale.ROOT, "error rate = %s (%s of %s) > budget %s%s",
                Formats.percent(result.errorRate()), Formats.count(result.errors()),
                Formats.count(result.errors() + result.invocations()), Formats.percent(budget),
                result.firstError().map(t -> " (first error: " + t + ")").orElse(""));
    }

    /** Explain why a percentile cannot be judged and what to change. */
    public static String tooFewSamples(String label, PercentileEstimate e, PerfResult result) {
        return String.format(Locale.ROOT,
                "%s cannot be judged: %s samples were taken, at least %s are needed for a 95 %% bound; "
                        + "raise `iterations` or `durationMs`%s",
                label, Formats.count(e.samples()), Formats.count(e.requiredSamples()),
                result.batchSize() > 1 ? " (the body ran in batches of " + result.batchSize() + ")" : "");
    }

    /** Build the full message of a failed or inconclusive perf test. */
    public static String verdictMessage(String testName, Judgement judgement, PerfResult result, String runNote) {
        StringBuilder sb = new StringBuilder();
        sb.append(judgement.verdict() == Verdict.FAILED ? "SLO breached" : "SLO inconclusive")
                .append(" by ").append(testName).append(runNote).append(':');
        for (Breach b : judgement.breaches()) {
            sb.append("\n  ").append(b.message());
        }
        for (String reason : judgement.inconclusive()) {
            sb.append("\n  ").append(reason);
        }
        sb.append('\n').append(percentileTable(result));
        return sb.toString();
    }

    /** Render a compact percentile table with confidence intervals and the run's key figures. */
    public static String percentileTable(PerfResult result) {
        LatencyDistribution latency = result.latency();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-10s %14s   %s%n", "percentile", "latency (ms)", "95% CI (ms)"));
        for (double p : TABLE_PERCENTILES) {
            PercentileEstimate e = latency.estimate(p);
            String ci = e.supported() ? Formats.ms(e.lowerMs()) + "–" + Formats.ms(e.upperMs())
                    : "(needs " + Formats.count(e.requiredSamples()) + " samples)";
            sb.append(String.format(Locale.ROOT, "  %-10s %14s   %s%n", Formats.percentileLabel(p), Formats.ms(e.valueMs()), ci));
        }
        sb.append(String.format(Locale.ROOT, "  %-10s %14s%n", "max", Formats.ms(latency.maxMs())));
        sb.append(String.format(Locale.ROOT, "  samples %s · errors %s · %s · threads %d · batch %d",
                Formats.count(result.invocations()), Formats.count(result.errors()), Formats.rate(result.throughputPerSec()),
                result.threads(), result.batchSize()));
        result.uncorrectedLatency().ifPresent(u -> sb.append(String.format(Locale.ROOT,
                "%n  open loop at %s: uncorrected p50 %s ms, p99 %s ms (coordinated omission not corrected)",
                Formats.rate(result.ratePerSec()), Formats.ms(u.percentileMs(50)), Formats.ms(u.percentileMs(99)))));
        return sb.toString();
    }

    /** Join lines of a list under a heading, for multi-line messages. */
    public static String lines(String heading, List<String> lines) {
        StringBuilder sb = new StringBuilder(heading);
        lines.forEach(l -> sb.append("\n  ").append(l));
        return sb.toString();
    }
}
