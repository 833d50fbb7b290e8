package dev.junitperf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.NoiseReading;
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
        sb.append(String.format(Locale.ROOT, "  samples %s · errors %s · %s · threads %d · batch %d · clock %s",
                Formats.count(result.invocations()), Formats.count(result.errors()), Formats.rate(result.throughputPerSec()),
                result.threads(), result.batchSize(), result.clock().configValue()));
        result.wallLatency().ifPresent(w -> sb.append(String.format(Locale.ROOT,
                "%n  wall clock (not judged): p50 %s ms, p99 %s ms, max %s ms", Formats.ms(w.percentileMs(50)),
                Formats.ms(w.percentileMs(99)), Formats.ms(w.maxMs()))));
        result.uncorrectedLatency().ifPresent(u -> sb.append(String.format(Locale.ROOT,
                "%n  open loop at %s: uncorrected p50 %s ms, p99 %s ms (coordinated omission not corrected)",
                Formats.rate(result.ratePerSec()), Formats.ms(u.percentileMs(50)), Formats.ms(u.percentileMs(99)))));
        sb.append(String.format(Locale.ROOT, "%n  stopped: %s (%s timings in %s ms) · noise: %s", result.stopDetail(),
                Formats.count(result.latency().samples()), Formats.ms(result.duration().toNanos() / 1e6), noise(result.noise())));
        result.notes().forEach(n -> sb.append("\n  note: ").append(n));
        return sb.toString();
    }

    /** Describe a noise reading, e.g. {@code CPU wait 31.0 % · 1,204 involuntary switches · steal 0.0 %}. */
    public static String noise(NoiseReading noise) {
        List<String> parts = new ArrayList<>();
        noise.cpuWaitShare().ifPresent(w -> parts.add(String.format(Locale.ROOT, "CPU wait %.1f %%", w * 100)));
        noise.involuntaryContextSwitches().ifPresent(n -> parts.add(Formats.count(n) + " involuntary switches"));
        noise.stealShare().ifPresent(st -> parts.add(String.format(Locale.ROOT, "steal %.1f %%", st * 100)));
        return parts.isEmpty() ? "not measured (" + String.join("; ", noise.notes()) + ")" : String.join(" · ", parts);
    }

    /** Describe the re-measurements of a breach, e.g. {@code  (confirmed by 1 re-measurement; 2 runs were noisy)}. */
    public static String runNote(List<NoiseReading> runs, double threshold) {
        if (runs.size() < 2) {
            return "";
        }
        long noisy = runs.stream().filter(n -> n.level() > threshold).count();
        int again = runs.size() - 1;
        return " (confirmed by " + again + " re-measurement" + (again > 1 ? "s" : "")
                + (noisy > 0 ? "; " + noisy + " run" + (noisy > 1 ? "s were" : " was") + " noisy" : "") + ")";
    }

    /** List every run with its noise, when a breach was re-measured, so a busy machine can be told from a regression. */
    public static String runsTable(List<PerfResult> results, List<List<Breach>> breaches, double threshold) {
        if (results.size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%n  runs (the last decides; noisy above %.0f %% CPU wait + steal):", threshold * 100));
        for (int i = 0; i < results.size(); i++) {
            PerfResult r = results.get(i);
            String outcome = breaches.get(i).isEmpty() ? "met every objective" : breaches.get(i).get(0).message();
            sb.append(String.format(Locale.ROOT, "%n    #%d %s · noise: %s%s", i + 1, outcome, noise(r.noise()),
                    r.noise().level() > threshold ? " (noisy)" : ""));
        }
        return sb.toString();
    }

    /** Join lines of a list under a heading, for multi-line messages. */
    public static String lines(String heading, List<String> lines) {
        StringBuilder sb = new StringBuilder(heading);
        lines.forEach(l -> sb.append("\n  ").append(l));
        return sb.toString();
    }
}
