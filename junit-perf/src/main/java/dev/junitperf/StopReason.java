package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Say why a measured phase ended; reported with every run together with the samples it used. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum StopReason {

    /** A fixed {@code iterations} count was measured, exactly. */
    ITERATIONS,

    /** The planned {@code durationMs} passed (no objective asked for more, or every one was clear of its budget). */
    DURATION,

    /** Every objective's 95 % confidence interval was clear of its budget before the planned duration. */
    EARLY_CLEAR,

    /** A confidence interval straddled its budget at the planned duration; measuring went on until it cleared. */
    EXTENDED_UNTIL_CLEAR,

    /** A confidence interval still straddled its budget when the extension limit ({@code junitperf.duration.maxFactor}) was reached. */
    EXTENSION_LIMIT,

    /** The run was stopped by its timeout. */
    TIMEOUT,

    /** An assumption failed in the body and the run was aborted. */
    ABORTED
}
