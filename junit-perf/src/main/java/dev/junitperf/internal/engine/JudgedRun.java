package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.PerfResult;
import dev.junitperf.internal.baseline.BaselineDiff;
import dev.junitperf.internal.verdict.Judgement;
import dev.junitperf.internal.verdict.LoadJudgement;
import dev.junitperf.internal.verdict.RelativeComparison;

/**
 * Pair one run's figures with what was judged on them: the last step of the pipeline before reporting.
 *
 * <p>The three stages of a run's result have three names: the engine's raw {@code Measurement}, the public
 * {@link PerfResult} built from it, and this judged run.
 *
 * @param result the run's figures
 * @param judgement its verdict against the objectives, the relative objective and the regression gate
 * @param baseline the comparison with the baseline, when {@code junitperf.baseline} is set
 * @param relative the comparison with a reference body measured in the same run, if stated
 * @param load latency over time (every open loop) with the phase and recovery objectives judged on it
 */
@API(status = INTERNAL, since = "0.1")
public record JudgedRun(PerfResult result, Judgement judgement, Optional<BaselineDiff> baseline,
                        Optional<RelativeComparison> relative, Optional<LoadJudgement> load) {

    /** Pair figures with their judgement, without a baseline, a reference or latency over time. */
    public JudgedRun(PerfResult result, Judgement judgement) {
        this(result, judgement, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
