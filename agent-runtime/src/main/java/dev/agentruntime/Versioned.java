package dev.agentruntime;

/**
 * Pair a value with the version it was written at.
 *
 * @param version starts at 0 and grows by one per write
 * @param value the value
 */
public record Versioned<T>(long version, T value) {
}
