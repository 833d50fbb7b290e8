package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.Verdict;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.measurement.ExecutionProfile;

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
 * @param recording with {@code junitperf.jfr=on-breach}, the flight recording of a breach's re-run and its profile
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
        List<JudgedRun> runs,
        Optional<Recording> recording) {

    public JudgedTest {
        displayPath = List.copyOf(displayPath);
        runs = List.copyOf(runs);
    }

    /**
     * A flight recording of a breach's re-run.
     *
     * @param file the {@code .jfr} file
     * @param profile its execution samples, or empty with the reason they could not be read
     * @param unreadable why the profile could not be read, when it could not
     */
    public record Recording(Path file, Optional<ExecutionProfile> profile, Optional<String> unreadable) {
    }

    /** Return the run that decided the verdict. */
    public JudgedRun decidingRun() {
        return runs.get(runs.size() - 1);
    }
}
