package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pick one agent of a fixed group for each message.
 *
 * <p>Routers are thread-safe.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public interface Router {

    /** Return the agent {@code message} should go to. */
    AgentRef select(Object message);

    /** Send {@code message} to the selected agent. */
    default void tell(Object message) {
        select(Objects.requireNonNull(message, "message must not be null")).tell(message);
    }

    /** Send {@code message} with {@code sender} to the selected agent. */
    default void tell(Object message, AgentRef sender) {
        select(Objects.requireNonNull(message, "message must not be null")).tell(message, sender);
    }

    /** Return a router cycling through {@code routees}. */
    static Router roundRobin(List<AgentRef> routees) {
        return new RoundRobinRouter(routees);
    }

    /** Return a router picking the routee with the fewest queued messages. */
    static Router leastLoaded(List<AgentRef> routees) {
        return new LeastLoadedRouter(routees);
    }

    /**
     * Return a router sending messages with equal keys to the same routee, moving few keys when
     * the group changes.
     */
    static Router consistentHashing(List<AgentRef> routees, Function<Object, ?> keyOf) {
        return new ConsistentHashRouter(routees, keyOf, 100);
    }
}
