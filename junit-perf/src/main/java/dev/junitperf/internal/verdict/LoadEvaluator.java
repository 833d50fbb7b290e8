package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.Verdict;
import dev.junitperf.internal.config.LoadObjectives;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.statistics.LatencyTimeline;
import dev.junitperf.internal.text.BreachMessages;
import dev.junitperf.internal.text.Formats;

/**
 * Judge a load profile's phase objectives ({@code @PhaseSlo}) and recovery objectives ({@code @RecoverySlo}).
 *
 * <p>A phase's percentile is judged like a run's ({@link SloEvaluator}): only when its samples support a 95 % bound,
 * else INCONCLUSIVE. A slowdown compares two phases' medians. A recovery is timed on the rolling percentile of the
 * intervals after the phase ({@link LatencyTimeline#rollingAfter}); a run that ends before it recovers breaches.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadEvaluator {

    /** Windows a recovery breach lists. */
    private static final int WINDOWS_SHOWN = 6;

    private LoadEvaluator() {
    }

    /** Judge {@code objectives} on {@code timeline} and fold the breaches into {@code judgement}. */
    public static Judged judge(LoadObjectives objectives, LatencyTimeline timeline, Judgement judgement) {
        List<Breach> breaches = new ArrayList<>(judgement.breaches());
        List<String> inconclusive = new ArrayList<>(judgement.inconclusive());
        for (LoadObjectives.PhaseObjective o : objectives.phases()) {
            LatencyTimeline.PhaseLatency phase = timeline.phase(o.phase()).orElseThrow();
            judgePercentiles(o, phase, breaches, inconclusive);
            if (!o.comparedTo().isEmpty()) {
                judgeSlowdown(o, phase, timeline.phase(o.comparedTo()).orElseThrow(), breaches, inconclusive);
            }
        }
        List<LoadJudgement.RecoveryReading> readings = new ArrayList<>();
        for (LoadObjectives.RecoveryObjective r : objectives.recoveries()) {
            LoadJudgement.RecoveryReading reading = recovery(r, timeline);
            readings.add(reading);
            judgeRecovery(reading, breaches, inconclusive);
        }
        Verdict verdict = !breaches.isEmpty() ? Verdict.FAILED
                : !inconclusive.isEmpty() ? Verdict.INCONCLUSIVE : judgement.verdict();
        return new Judged(new Judgement(verdict, breaches, inconclusive), new LoadJudgement(timeline, objectives, readings));
    }

    /**
     * The judgement with the load objectives folded in, and what they were judged on.
     *
     * @param judgement the run's whole judgement
     * @param load the timeline, the objectives and the recovery readings
     */
    public record Judged(Judgement judgement, LoadJudgement load) {
    }

    private static void judgePercentiles(LoadObjectives.PhaseObjective o, LatencyTimeline.PhaseLatency phase,
                                         List<Breach> breaches, List<String> inconclusive) {
        LatencyDistribution latency = distribution(phase);
        String prefix = "phase \"" + o.phase() + "\" ";
        for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
            double budget = o.budgetMs(p);
            if (Double.isNaN(budget)) {
                continue;
            }
            PercentileEstimate e = latency.estimate(p.percentile());
            if (latency.count() == 0 || !e.supported()) {
                inconclusive.add(prefix + String.format(Locale.ROOT, "%s cannot be judged: %s samples completed in it, at "
                        + "least %s are needed for a 95 %% bound; raise the phase's rate or its durationMs", p.label(),
                        Formats.count(latency.count()), Formats.count(e.requiredSamples())));
            } else if (e.valueMs() > budget) {
                breaches.add(new Breach(o.phase() + "." + p.label(), budget, e.valueMs(), prefix + BreachMessages.percentile(
                        p.label(), e.valueMs(), budget, e.lowerMs(), e.upperMs(), e.samples())));
            }
        }
        if (!Double.isNaN(o.maxMs())) {
            if (latency.count() == 0) {
                inconclusive.add(prefix + "max cannot be judged: no invocation of the phase succeeded");
            } else if (latency.maxMs() > o.maxMs()) {
                breaches.add(new Breach(o.phase() + ".max", o.maxMs(), latency.maxMs(),
                        prefix + BreachMessages.scalar("max", latency.maxMs(), o.maxMs(), latency.count())));
            }
        }
    }

    private static void judgeSlowdown(LoadObjectives.PhaseObjective o, LatencyTimeline.PhaseLatency phase,
                                      LatencyTimeline.PhaseLatency reference, List<Breach> breaches, List<String> inconclusive) {
        LatencyDistribution mine = distribution(phase);
        LatencyDistribution theirs = distribution(reference);
        if (mine.count() < 5 || theirs.count() < 5 || theirs.percentileMs(50) == 0) {
            inconclusive.add(String.format(Locale.ROOT, "phase \"%s\" slowdown against \"%s\" cannot be judged: they have %s "
                    + "and %s samples, at least 5 each are needed", o.phase(), o.comparedTo(), Formats.count(mine.count()),
                    Formats.count(theirs.count())));
            return;
        }
        double slowdownPct = slowdownPct(phase, reference);
        if (slowdownPct > o.maxSlowdownPct()) {
            breaches.add(new Breach(o.phase() + ".slowdown", o.maxSlowdownPct(), slowdownPct, String.format(Locale.ROOT,
                    "phase \"%s\" p50 = %s ms is %.1f %% slower than phase \"%s\" (p50 %s ms) > allowed %s %% (n = %s and %s)",
                    o.phase(), Formats.ms(mine.percentileMs(50)), slowdownPct, o.comparedTo(),
                    Formats.ms(theirs.percentileMs(50)), number(o.maxSlowdownPct()), Formats.count(mine.count()),
                    Formats.count(theirs.count()))));
        }
    }

    /** Return how much slower {@code phase}'s median is than {@code reference}'s, in percent (negative when faster). */
    public static double slowdownPct(LatencyTimeline.PhaseLatency phase, LatencyTimeline.PhaseLatency reference) {
        return (distribution(phase).percentileMs(50) / distribution(reference).percentileMs(50) - 1) * 100;
    }

    private static LoadJudgement.RecoveryReading recovery(LoadObjectives.RecoveryObjective r, LatencyTimeline timeline) {
        LatencyTimeline.PhaseLatency after = timeline.phase(r.after()).orElseThrow();
        LatencyTimeline.PhaseLatency baseline = timeline.phase(r.baseline()).orElseThrow();
        long base = baseline.latency().getTotalCount() == 0 ? 0 : baseline.latency().getValueAtPercentile(r.percentile());
        long threshold = (long) Math.floor(base * r.factor());
        List<LatencyTimeline.WindowPoint> windows = timeline.windowsAfter(after.endNanos(), r.windowNanos(), r.percentile());
        long end = timeline.intervals().isEmpty() ? after.endNanos()
                : timeline.intervals().get(timeline.intervals().size() - 1).endNanos();
        Optional<Long> recovered = base == 0 ? Optional.empty()
                : LatencyTimeline.recoveryNanos(windows, after.endNanos(), threshold);
        return new LoadJudgement.RecoveryReading(r, after.endNanos(), base, threshold, recovered,
                Math.max(0, end - after.endNanos()), windows);
    }

    private static void judgeRecovery(LoadJudgement.RecoveryReading reading, List<Breach> breaches, List<String> inconclusive) {
        LoadObjectives.RecoveryObjective r = reading.objective();
        String label = Formats.percentileLabel(r.percentile());
        String objective = "recovery after " + r.after();
        if (reading.baselineNanos() == 0) {
            inconclusive.add(String.format(Locale.ROOT, "%s cannot be judged: the baseline phase \"%s\" has no completed "
                    + "invocation to take its %s from", objective, r.baseline(), label));
            return;
        }
        String rule = String.format(Locale.ROOT, "recovered = from the start of the first %s window whose %s is within %s× "
                + "phase \"%s\"'s %s (%s × %s ms = %s ms)", Formats.nanos(r.windowNanos()), label, number(r.factor()),
                r.baseline(), label, number(r.factor()), Formats.ms(reading.baselineNanos() / 1e6),
                Formats.ms(reading.thresholdNanos() / 1e6));
        if (reading.recoveredAfterNanos().isEmpty()) {
            double hadMs = reading.availableNanos() / 1e6;
            breaches.add(new Breach(objective, r.maxRecoveryMs(), hadMs, String.format(Locale.ROOT, "%s: not recovered in "
                    + "the %s ms the run had after \"%s\" ended > budget %s ms (%s); %s", objective, Formats.ms(hadMs),
                    r.after(), Formats.ms(r.maxRecoveryMs()), rule, windows(reading))));
            return;
        }
        double ms = reading.recoveredAfterNanos().get() / 1e6;
        if (ms > r.maxRecoveryMs()) {
            breaches.add(new Breach(objective, r.maxRecoveryMs(), ms, String.format(Locale.ROOT, "%s = %s ms > budget %s ms (%s); %s",
                    objective, Formats.ms(ms), Formats.ms(r.maxRecoveryMs()), rule, windows(reading))));
        }
    }

    /** List some windows after the phase, e.g. {@code p99 of the windows starting +0.00 s 412 ms, +0.40 s 3.93 ms}. */
    private static String windows(LoadJudgement.RecoveryReading reading) {
        List<LatencyTimeline.WindowPoint> points = reading.windows();
        if (points.isEmpty()) {
            return "no whole window fits after it";
        }
        List<String> shown = new ArrayList<>();
        int step = Math.max(1, (points.size() + WINDOWS_SHOWN - 1) / WINDOWS_SHOWN);
        for (int i = 0; i < points.size(); i += step) {
            LatencyTimeline.WindowPoint p = points.get(i);
            shown.add(String.format(Locale.ROOT, "+%.2f s %s", (p.startNanos() - reading.fromNanos()) / 1e9,
                    p.count() == 0 ? "none completed" : Formats.ms(p.valueNanos() / 1e6) + " ms"));
        }
        return Formats.percentileLabel(reading.objective().percentile()) + " of the windows starting " + String.join(", ", shown);
    }

    private static LatencyDistribution distribution(LatencyTimeline.PhaseLatency phase) {
        return new LatencyDistribution(phase.latency(), phase.latency().getTotalCount());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
