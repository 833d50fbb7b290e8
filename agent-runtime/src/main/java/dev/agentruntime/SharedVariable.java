package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.function.UnaryOperator;

/**
 * Hold a versioned value shared by agents; writers never block and subscribers are notified.
 *
 * <p>Every successful write increments the version. Subscribers receive a {@link VariableUpdate}
 * message carrying the latest value; writes that happen before a pending notification is sent are
 * batched into it, so a subscriber sees the final version but not necessarily every intermediate one.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface SharedVariable<T> {

    /** Return the variable's name. */
    String name();

    /** Return the current value and version. */
    Versioned<T> get();

    /** Write {@code value}; return the new version. */
    long set(T value);

    /** Write {@code value} only if the current version is {@code expectedVersion}. */
    boolean compareAndSet(long expectedVersion, T value);

    /** Apply {@code update} atomically (it may be retried) and return the result. */
    Versioned<T> update(UnaryOperator<T> update);

    /** Notify {@code agent} of future writes. */
    void subscribe(AgentRef agent);

    /** Stop notifying {@code agent}. */
    void unsubscribe(AgentRef agent);
}
