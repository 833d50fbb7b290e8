package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Pair a value with the version it was written at.
 *
 * @param version starts at 0 and grows by one per write
 * @param value the value
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record Versioned<T>(long version, T value) {
}
