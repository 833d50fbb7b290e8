package dev.junitperf.internal.results;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY;
import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The part of a run's results that is about time: the phases of a load profile and latency over time, as
 * {@link ResultsFile.Run#phases()} and {@link ResultsFile.Run#timeline()} write them (see docs/results-format.md).
 * Same conventions as {@link ResultsFile}: the record components are the schema.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadResults {

    private LoadResults() {
    }

    /**
     * One phase of a load profile, with the figures of the invocations intended to start in it.
     *
     * @param name the phase's name
     * @param startMs its planned start, from the start of the measurement
     * @param endMs its planned end
     * @param fromPerSec its rate at the start, invocations per second over all threads
     * @param toPerSec its rate at the end (equal to {@code fromPerSec} for a constant rate)
     * @param samples its invocations that succeeded
     * @param errors its invocations that failed
     * @param latencyMs their latency, from the intended start, on the judged clock
     * @param slo the phase's budgets ({@code @PhaseSlo}), scaled
     * @param slowdown its median against another phase's, with {@code @PhaseSlo(comparedTo)}
     * @param recoveries how long latency took to recover after the phase, one per {@code @RecoverySlo(after)}
     */
    public record Phase(String name, double startMs, double endMs, double fromPerSec, double toPerSec, long samples,
                        long errors, ResultsFile.Latency latencyMs, @JsonInclude(NON_EMPTY) Map<String, Number> slo,
                        @JsonInclude(NON_NULL) Slowdown slowdown, @JsonInclude(NON_EMPTY) List<Recovery> recoveries) {

        public Phase {
            slo = slo == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slo));
            recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
        }
    }

    /**
     * A phase's median against another phase's.
     *
     * @param comparedTo the other phase
     * @param pct how much slower this phase's median is, in percent (negative when faster)
     * @param maxPct the allowed slowdown
     */
    public record Slowdown(String comparedTo, double pct, double maxPct) {
    }

    /**
     * How long latency took to recover after a phase ended.
     *
     * @param baseline the phase whose percentile is the normal
     * @param percentile the percentile that had to recover
     * @param factor recovered means within this many times the baseline's percentile
     * @param windowMs the rolling window
     * @param baselineMs the baseline phase's percentile
     * @param thresholdMs {@code factor × baselineMs}
     * @param recoveredAfterMs the time from the phase's end to the end of the first interval whose rolling percentile was
     *                         at most {@code thresholdMs}; {@code null} when the run ended first
     * @param availableMs how long the run went on after the phase ended
     * @param maxRecoveryMs the budget, scaled
     */
    public record Recovery(String baseline, double percentile, double factor, double windowMs, double baselineMs,
                           double thresholdMs, Double recoveredAfterMs, double availableMs, double maxRecoveryMs) {
    }

    /**
     * Latency over time: one entry per interval in each array, in order. An interval holds the invocations that
     * completed in it, on the judged clock; an interval with none has 0 in every latency column.
     *
     * @param intervalMs the planned interval length (intervals also end at every phase boundary)
     * @param startMs each interval's start, from the start of the measurement
     * @param endMs each interval's end
     * @param samples the invocations that completed in each
     * @param p50Ms each interval's median latency
     * @param p90Ms each interval's 90th percentile
     * @param p99Ms each interval's 99th percentile
     * @param maxMs each interval's largest latency
     * @param notes e.g. that the last interval holds the rest of a run that outlasted the intervals
     */
    public record Timeline(double intervalMs, double[] startMs, double[] endMs, long[] samples, double[] p50Ms,
                           double[] p90Ms, double[] p99Ms, double[] maxMs, @JsonInclude(NON_EMPTY) List<String> notes) {

        public Timeline {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** Return the number of intervals. */
        public int size() {
            return startMs.length;
        }
    }
}
