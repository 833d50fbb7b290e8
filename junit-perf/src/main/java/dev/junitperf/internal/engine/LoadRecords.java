package dev.junitperf.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.internal.config.LoadObjectives;
import dev.junitperf.internal.results.LoadResults;
import dev.junitperf.internal.statistics.LatencyTimeline;
import dev.junitperf.internal.verdict.LoadEvaluator;
import dev.junitperf.internal.verdict.LoadJudgement;

/** Turn a run's latency over time and its phases, with what was judged on them, into the results-file records. */
final class LoadRecords {

    private static final double NANOS_PER_MS = 1e6;

    private LoadRecords() {
    }

    /** Return the phases of a load profile with their figures, budgets and recoveries; empty without a profile. */
    static List<LoadResults.Phase> phases(Optional<LoadJudgement> load) {
        if (load.isEmpty()) {
            return List.of();
        }
        LatencyTimeline timeline = load.get().timeline();
        LoadObjectives objectives = load.get().objectives();
        List<LoadResults.Phase> phases = new ArrayList<>();
        for (LatencyTimeline.PhaseLatency p : timeline.phases()) {
            Optional<LoadObjectives.PhaseObjective> objective = objectives.forPhase(p.name());
            LoadResults.Slowdown slowdown = objective.filter(o -> !o.comparedTo().isEmpty())
                    .map(o -> new LoadResults.Slowdown(o.comparedTo(), timeline.phase(o.comparedTo())
                            .filter(other -> enough(p) && enough(other))
                            .map(other -> LoadEvaluator.slowdownPct(p, other)).orElse(Double.NaN), o.maxSlowdownPct()))
                    .orElse(null);
            List<LoadResults.Recovery> recoveries = load.get().recoveries().stream()
                    .filter(r -> r.objective().after().equals(p.name())).map(LoadRecords::recovery).toList();
            LatencyDistribution latency = new LatencyDistribution(p.latency(), p.latency().getTotalCount());
            phases.add(new LoadResults.Phase(p.name(), p.startNanos() / NANOS_PER_MS, p.endNanos() / NANOS_PER_MS,
                    p.fromPerSec(), p.toPerSec(), latency.count(), p.errors(), TestRecords.latency(latency),
                    objective.map(LoadObjectives.PhaseObjective::asMap).orElse(null), slowdown, recoveries));
        }
        return phases;
    }

    private static boolean enough(LatencyTimeline.PhaseLatency phase) {
        return phase.latency().getTotalCount() >= 5 && phase.latency().getValueAtPercentile(50) > 0;
    }

    private static LoadResults.Recovery recovery(LoadJudgement.RecoveryReading r) {
        LoadObjectives.RecoveryObjective o = r.objective();
        return new LoadResults.Recovery(o.baseline(), o.percentile(), o.factor(), o.windowNanos() / NANOS_PER_MS,
                r.baselineNanos() / NANOS_PER_MS, r.thresholdNanos() / NANOS_PER_MS,
                r.recoveredAfterNanos().map(n -> n / NANOS_PER_MS).orElse(null), r.availableNanos() / NANOS_PER_MS,
                o.maxRecoveryMs());
    }

    /** Return latency over time as one array per column, or {@code null} when the run recorded no intervals. */
    static LoadResults.Timeline timeline(Optional<LoadJudgement> load) {
        if (load.isEmpty()) {
            return null;
        }
        LatencyTimeline timeline = load.get().timeline();
        int n = timeline.intervals().size();
        double[] start = new double[n];
        double[] end = new double[n];
        long[] samples = new long[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] p99 = new double[n];
        double[] max = new double[n];
        for (int i = 0; i < n; i++) {
            LatencyTimeline.Interval interval = timeline.intervals().get(i);
            start[i] = round(interval.startNanos());
            end[i] = round(interval.endNanos());
            samples[i] = interval.count();
            p50[i] = interval.p50Nanos() / NANOS_PER_MS;
            p90[i] = interval.p90Nanos() / NANOS_PER_MS;
            p99[i] = interval.p99Nanos() / NANOS_PER_MS;
            max[i] = interval.maxNanos() / NANOS_PER_MS;
        }
        return new LoadResults.Timeline(timeline.intervalNanos() / NANOS_PER_MS, start, end, samples, p50, p90, p99, max,
                timeline.notes());
    }

    /** Round an interval boundary to 0.01 ms: the interval thread's wake-up is not more precise than that. */
    private static double round(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
