package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Describe one objective that was not met.
 *
 * @param objective the objective, e.g. {@code p99}, {@code throughput}, {@code errorRate}
 * @param budget the stated budget (milliseconds, invocations per second, or a fraction)
 * @param actual the measured figure in the same unit
 * @param message the human-readable line, e.g. {@code p99 = 7.31 ms > budget 5.00 ms (95% CI 6.90–7.80 ms, n = 1,000)}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Breach(String objective, double budget, double actual, String message) {
}
