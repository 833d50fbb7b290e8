package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;

import org.apiguardian.api.API;

/**
 * Fail a perf test whose objectives were breached, or could not be judged (INCONCLUSIVE).
 *
 * <p>The message lists every breached objective with its budget, the measured figure, its 95 %
 * confidence interval and the sample count, followed by a compact percentile table.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SloBreachError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;
    private final transient List<Breach> breaches;

    public SloBreachError(String message, Verdict verdict, List<Breach> breaches, Throwable cause) {
        super(message, cause);
        this.verdict = verdict;
        this.breaches = List.copyOf(breaches);
    }

    /** Return {@link Verdict#FAILED} or {@link Verdict#INCONCLUSIVE}. */
    public Verdict verdict() {
        return verdict;
    }

    /** Return the breached objectives (empty for an inconclusive verdict). */
    public List<Breach> breaches() {
        return breaches;
    }
}
