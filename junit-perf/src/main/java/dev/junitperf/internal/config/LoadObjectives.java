package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * Hold the resolved objectives of a load profile's phases ({@code @PhaseSlo}) and of its recoveries
 * ({@code @RecoverySlo}); time budgets already multiplied by {@code junitperf.slo.scale}.
 *
 * @param phases at most one per phase
 * @param recoveries in the order declared
 */
@API(status = INTERNAL, since = "0.1")
public record LoadObjectives(List<PhaseObjective> phases, List<RecoveryObjective> recoveries) {

    /** No objective on any phase. */
    public static final LoadObjectives NONE = new LoadObjectives(List.of(), List.of());

    public LoadObjectives {
        phases = List.copyOf(phases);
        recoveries = List.copyOf(recoveries);
    }

    /** Return the objectives of the named phase, if it has any. */
    public Optional<PhaseObjective> forPhase(String phase) {
        return phases.stream().filter(o -> o.phase().equals(phase)).findFirst();
    }

    /** Return the recovery objectives timed from the end of the named phase. */
    public List<RecoveryObjective> recoveriesAfter(String phase) {
        return recoveries.stream().filter(r -> r.after().equals(phase)).toList();
    }

    /** Return the timings the phase objectives need, by phase name (0 when a phase has no percentile objective). */
    public long requiredSamples(String phase) {
        return forPhase(phase).map(PhaseObjective::requiredSamples).orElse(0L);
    }

    /**
     * The objectives of one phase; {@code NaN} means "no objective".
     *
     * @param phase the phase's name
     * @param p50Ms median budget
     * @param p90Ms 90th percentile budget
     * @param p99Ms 99th percentile budget
     * @param p999Ms 99.9th percentile budget
     * @param maxMs largest latency budget
     * @param comparedTo the phase whose median this one's may exceed by at most {@code maxSlowdownPct}, or empty
     * @param maxSlowdownPct the allowed slowdown in percent, {@code NaN} without {@code comparedTo}
     */
    public record PhaseObjective(String phase, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                                 String comparedTo, double maxSlowdownPct) {

        /** Return the budget of a percentile objective, or {@code NaN}. */
        public double budgetMs(SloSpec.Percentile p) {
            return switch (p.label()) {
                case "p50" -> p50Ms;
                case "p90" -> p90Ms;
                case "p99" -> p99Ms;
                default -> p999Ms;
            };
        }

        /** Return the timings the percentile objectives need to be judged at 95 % confidence. */
        public long requiredSamples() {
            long required = 0;
            for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
                if (!Double.isNaN(budgetMs(p))) {
                    required = Math.max(required, p.requiredSamples());
                }
            }
            return required;
        }

        /** Return the stated budgets by attribute name, for reports. */
        public Map<String, Number> asMap() {
            Map<String, Number> m = new LinkedHashMap<>();
            put(m, "p50Ms", p50Ms);
            put(m, "p90Ms", p90Ms);
            put(m, "p99Ms", p99Ms);
            put(m, "p999Ms", p999Ms);
            put(m, "maxMs", maxMs);
            put(m, "maxSlowdownPct", maxSlowdownPct);
            return m;
        }

        private static void put(Map<String, Number> m, String key, double v) {
            if (!Double.isNaN(v)) {
                m.put(key, v);
            }
        }
    }

    /**
     * A bound on how long latency takes to recover after a phase.
     *
     * @param after the phase whose end starts the clock
     * @param baseline the phase whose percentile is the normal to return to
     * @param percentile the percentile that must recover, e.g. 99
     * @param factor recovered means within this many times the baseline's percentile
     * @param windowNanos the rolling window
     * @param maxRecoveryMs the longest recovery allowed
     */
    public record RecoveryObjective(String after, String baseline, double percentile, double factor, long windowNanos,
                                    double maxRecoveryMs) {
    }
}
