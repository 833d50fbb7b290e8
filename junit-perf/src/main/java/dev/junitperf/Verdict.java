package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Say whether a perf test met its objectives. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
    /** Every objective was met. */
    PASSED,
    /** At least one objective was breached (and the breach was confirmed by a re-measurement). */
    FAILED,
    /** No objective was breached, but at least one could not be judged, e.g. too few samples. */
    INCONCLUSIVE
}
