package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;

import org.apiguardian.api.API;

import dev.junitperf.Verdict;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.SloSpec;

/**
 * Hold everything reported about one perf test: identity, objectives and every run.
 *
 * @param uniqueId JUnit's unique id of the test (or template invocation)
 * @param className the test class
 * @param methodName the test method
 * @param displayName the display name (for sweeps, the invocation's name)
 * @param displayPath the display names from the outermost class down to the test
 * @param mode the {@code junitperf.mode} it ran in
 * @param verdict the final verdict
 * @param slo the resolved objectives
 * @param memoryBudget the resolved memory budgets
 * @param runs the measurement and, after a breach, its confirmation runs; the last one decided
 */
@API(status = INTERNAL, since = "0.1")
public record JudgedTest(
        String uniqueId,
        String className,
        String methodName,
        String displayName,
        List<String> displayPath,
        String mode,
        Verdict verdict,
        SloSpec slo,
        MemorySpec memoryBudget,
        List<JudgedRun> runs) {

    public JudgedTest {
        displayPath = List.copyOf(displayPath);
        runs = List.copyOf(runs);
    }

    /** Return the run that decided the verdict. */
    public JudgedRun decidingRun() {
        return runs.get(runs.size() - 1);
    }
}
