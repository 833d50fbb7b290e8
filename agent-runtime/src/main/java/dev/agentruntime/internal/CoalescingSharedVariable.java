package dev.agentruntime.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.agentruntime.AgentEvent;
import dev.agentruntime.AgentRef;
import dev.agentruntime.SharedVariable;
import dev.agentruntime.VariableUpdate;
import dev.agentruntime.Versioned;

/**
 * Hold a versioned value with lock-free writes and coalesced subscriber notifications.
 *
 * <p>Design notes: writes CAS a new {@link Versioned} and then increment {@code unnotified}; the
 * write that raises it from zero queues the single notifier task (a drain loop). The notifier sends
 * the latest value, subtracts the writes it has covered and loops while new ones arrived, so at most
 * one notifier runs at a time, subscribers see versions in increasing order, and a burst of writes
 * costs one or two notifications.
 */
final class CoalescingSharedVariable<T> implements SharedVariable<T> {

    private final String name;
    private final CellRuntime runtime;
    private final AtomicReference<Versioned<T>> current;
    private final Set<AgentRef> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unnotified = new AtomicInteger();

    CoalescingSharedVariable(String name, T initial, CellRuntime runtime) {
        this.name = name;
        this.runtime = runtime;
        this.current = new AtomicReference<>(new Versioned<>(0, initial));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Versioned<T> get() {
        return current.get();
    }

    @Override
    public long set(T value) {
        return update(old -> value).version();
    }

    @Override
    public boolean compareAndSet(long expectedVersion, T value) {
        Objects.requireNonNull(value, "value must not be null");
        Versioned<T> seen = current.get();
        if (seen.version() != expectedVersion || !current.compareAndSet(seen, new Versioned<>(expectedVersion + 1, value))) {
            return false;
        }
        changed(expectedVersion + 1);
        return true;
    }

    @Override
    public Versioned<T> update(UnaryOperator<T> update) {
        Objects.requireNonNull(update, "update must not be null");
        while (true) {
            Versioned<T> seen = current.get();
            Versioned<T> next = new Versioned<>(seen.version() + 1,
                    Objects.requireNonNull(update.apply(seen.value()), "the update returned null"));
            if (current.compareAndSet(seen, next)) {
                changed(next.version());
                return next;
            }
        }
    }

    private void changed(long version) {
        if (runtime.events().hasSubscribers()) {
            runtime.events().publish(new AgentEvent.VariableChanged(name, version));
        }
        if (!subscribers.isEmpty() && unnotified.getAndIncrement() == 0) {
            runtime.execute(this::notifySubscribers);
        }
    }

    private void notifySubscribers() {
        int covered = unnotified.get();
        do {
            Versioned<T> latest = current.get();
            VariableUpdate<T> update = new VariableUpdate<>(name, latest.version(), latest.value());
            for (AgentRef subscriber : subscribers) {
                try {
                    subscriber.tell(update);
                } catch (RuntimeException fullMailbox) {
                    // a subscriber whose bounded mailbox rejects this update gets the next one; the loop must go on
                }
            }
            covered = unnotified.addAndGet(-covered);
        } while (covered != 0);
    }

    @Override
    public void subscribe(AgentRef agent) {
        subscribers.add(Objects.requireNonNull(agent, "agent must not be null"));
    }

    @Override
    public void unsubscribe(AgentRef agent) {
        subscribers.remove(Objects.requireNonNull(agent, "agent must not be null"));
    }
}
