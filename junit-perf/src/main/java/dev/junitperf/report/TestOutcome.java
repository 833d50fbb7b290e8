package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.BaselineDiff;
import dev.junitperf.internal.Judgement;
import dev.junitperf.internal.MemorySpec;
import dev.junitperf.internal.RelativeComparison;
import dev.junitperf.internal.SloSpec;

/**
 * Hold everything reported about one perf test: identity, objectives and every run.
 *
 * @param uniqueId JUnit's unique id of the test (or template invocation)
 * @param className the test class
 * @param methodName the test method
 * @param displayName the display name (for sweeps, the invocation's name)
 * @param mode the {@code junitperf.mode} it ran in
 * @param verdict the final verdict
 * @param slo the resolved objectives
 * @param memoryBudget the resolved memory budgets
 * @param runs the measurement and, after a breach, its confirmation runs; the last one decided
 */
@API(status = INTERNAL, since = "0.1")
public record TestOutcome(
        String uniqueId,
        String className,
        String methodName,
        String displayName,
        String mode,
        Verdict verdict,
        SloSpec slo,
        MemorySpec memoryBudget,
        List<Run> runs) {

    public TestOutcome {
        runs = List.copyOf(runs);
    }

    /** Return the run that decided the verdict. */
    public Run decidingRun() {
        return runs.get(runs.size() - 1);
    }

    /**
     * Pair one measurement with its judgement.
     *
     * @param result the measurement
     * @param judgement its verdict against the objectives (regressions included)
     * @param baseline the comparison with the baseline, when {@code junitperf.baseline} is set
     * @param relative the comparison with a reference body measured in the same run, if stated
     */
    public record Run(PerfResult result, Judgement judgement, Optional<BaselineDiff> baseline,
                      Optional<RelativeComparison> relative) {

        /** Pair a measurement with its judgement, without a baseline. */
        public Run(PerfResult result, Judgement judgement) {
            this(result, judgement, Optional.empty(), Optional.empty());
        }
    }


}
