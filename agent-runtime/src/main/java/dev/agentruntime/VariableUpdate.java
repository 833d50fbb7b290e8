package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/**
 * Tell a subscribed agent that a shared variable changed; rapid writes are coalesced into one update.
 *
 * @param name the variable
 * @param version the latest version at the time of delivery
 * @param value the latest value at the time of delivery
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record VariableUpdate<T>(String name, long version, T value) {
}
