package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Fail a measurement that took longer than its {@code timeoutMs}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfTimeoutError extends AssertionError {

    private static final long serialVersionUID = 1L;

    public PerfTimeoutError(String message) {
        super(message);
    }
}
