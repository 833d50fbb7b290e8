package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.internal.config.LoadObjectives;
import dev.junitperf.internal.statistics.LatencyTimeline;

/**
 * Hold a run's latency over time with what was judged on it: the phase and recovery objectives and each recovery.
 *
 * @param timeline the run's intervals and phases
 * @param objectives the objectives that named its phases
 * @param recoveries one reading per recovery objective, in the order declared
 */
@API(status = INTERNAL, since = "0.1")
public record LoadJudgement(LatencyTimeline timeline, LoadObjectives objectives, List<RecoveryReading> recoveries) {

    public LoadJudgement {
        recoveries = List.copyOf(recoveries);
    }

    /**
     * How long latency took to recover after a phase, against its objective.
     *
     * @param objective the recovery objective
     * @param fromNanos when the phase ended, from the start of the measurement
     * @param baselineNanos the baseline phase's percentile, 0 when it had no invocation
     * @param thresholdNanos recovered means a rolling percentile at most this: {@code factor × baselineNanos}
     * @param recoveredAfterNanos the recovery time, empty when the run ended first (or could not judge it)
     * @param availableNanos how long the run went on after the phase ended
     * @param windows the percentile of each window starting at an interval boundary after the phase ended
     */
    public record RecoveryReading(LoadObjectives.RecoveryObjective objective, long fromNanos, long baselineNanos,
                                  long thresholdNanos,
                                  Optional<Long> recoveredAfterNanos, long availableNanos,
                                  List<LatencyTimeline.WindowPoint> windows) {

        public RecoveryReading {
            windows = List.copyOf(windows);
        }
    }
}
