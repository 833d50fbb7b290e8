package dev.agentruntime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;

import dev.agentruntime.Agent;
import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentEvent;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.Health;
import dev.agentruntime.MailboxOverflowException;
import dev.agentruntime.OverflowPolicy;

/**
 * Run one agent: its mailbox, its turns, its context and its registry entry, in a single object.
 *
 * <p>Design notes: the cell is the agent's {@link AgentRef}, its {@link AgentContext} and the
 * {@code ForkJoinTask} that runs it, so an idle agent costs this object, one stub node and its
 * registry slots. The sender of the message being handled is read from the mailbox's current node
 * rather than copied into a field. Only the thread running a turn touches {@code agent} and
 * {@code family}; the registry writes the discovery fields under its write lock.
 * {@code AgentContext.system()} is not implemented here: the API answers it from the runtime's
 * owner, so this package never names {@code AgentSystem}.
 *
 * <p>The class is longer than 300 lines because it plays those four roles: splitting them into
 * objects would add an object header and a reference per agent (against the 256-byte budget per
 * idle agent) and a dereference on the tell and reply paths.
 */
final class AgentCell extends MpscMailboxTask implements AgentRef, AgentContext {

    private final CellRuntime runtime;
    private final String id;
    private final AgentSpec spec;
    private Agent agent;
    private CellFamily family;

    private int firstSlot;
    private int[] otherSlots;
    int healthSlot;
    volatile Health health = Health.HEALTHY;
    volatile Map<String, String> metadata;

    AgentCell(CellRuntime runtime, String id, AgentSpec spec, AgentCell parent) {
        this.runtime = runtime;
        this.id = id;
        this.spec = spec;
        this.metadata = spec.metadata();
        if (parent != null) {
            this.family = new CellFamily(parent);
        }
    }

    Set<String> capabilities() {
        return spec.capabilities();
    }

    AgentCell parent() {
        return family == null ? null : family.parent;
    }

    /** Create the agent and run its start hook on the spawning thread, while the cell owns its turn. */
    void start() throws Exception {
        Agent created = Objects.requireNonNull(spec.factory().get(), "the agent factory returned null");
        agent = created;
        created.onStarted(this);
    }

    /** Hand the cell to the pool after a successful start. */
    void release() {
        endTurn();
    }

    @Override
    void submit() {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == runtime.pool()) {
            fork();
            return;
        }
        try {
            runtime.pool().execute(this);
        } catch (RejectedExecutionException closed) {
            // the pool is shut down: this thread owns the turn, so it stops the agent and dead-letters its mail
            stopNow("system closed");
            runTurn();
        }
    }

    @Override
    void runTurn() {
        int budget = runtime.throughput();
        boolean bounded = spec.mailbox().isBounded();
        int handled = 0;
        int uncounted = 0;
        try {
            while (true) {
                if (hasSignals()) {
                    handleSignals();
                }
                if (isStopped()) {
                    uncounted += drainToDeadLetters();
                    break;
                }
                if (handled >= budget) {
                    break;
                }
                MailNode node = poll();
                if (node == null) {
                    break;
                }
                handled++;
                if (bounded) {
                    consumed(1);
                } else {
                    uncounted++;
                }
                deliver(node);
            }
        } finally {
            consumed(uncounted);
        }
        if (handled >= budget && !isStopped()) {
            continueTurn();
        } else {
            endTurn();
        }
    }

    private void deliver(MailNode node) {
        Object message = node.message;
        try {
            agent.receive(message, this);
        } catch (Throwable failure) {
            Supervision.onFailure(this, message, failure);
        } finally {
            node.message = null;
            node.sender = null;
        }
    }

    /** Size the registry slots: one per capability, then one per metadata entry (registry writer only). */
    void allocateSlots(int count) {
        otherSlots = count > 1 ? new int[count - 1] : null;
    }

    int slot(int j) {
        return j == 0 ? firstSlot : otherSlots[j - 1];
    }

    void setSlot(int j, int slot) {
        if (j == 0) {
            firstSlot = slot;
        } else {
            otherSlots[j - 1] = slot;
        }
    }

    private void handleSignals() {
        for (SystemSignal s = takeSignals(); s != null; s = s.next()) {
            if (s.kind() == SystemSignal.Kind.STOP) {
                stopNow((String) s.detail());
            } else if (!isStopped()) {
                Supervision.onFailure(this, "escalated by a child", (Throwable) s.detail());
            }
        }
    }

    private int drainToDeadLetters() {
        int drained = 0;
        for (MailNode node = poll(); node != null; node = poll()) {
            runtime.deadLetter(this, node.message, node.sender, "agent stopped");
            node.message = null;
            node.sender = null;
            drained++;
        }
        return drained;
    }

    /** Stop now (consumer only): run the stop hook, stop children, leave the registry. */
    void stopNow(String reason) {
        if (isStopped()) {
            return;
        }
        markStopped();
        Agent stopping = agent;
        agent = null;
        if (stopping != null) {
            try {
                stopping.onStopped(this);
            } catch (Throwable failure) {
                runtime.events().publish(new AgentEvent.AgentFailed(id, "onStopped", failure));
            }
        }
        if (family != null) {
            for (AgentCell child : family.children) {
                child.signal(SystemSignal.Kind.STOP, "parent stopped");
            }
            if (family.parent != null) {
                family.parent.forgetChild(this);
            }
        }
        runtime.unregister(this);
        if (runtime.events().hasSubscribers()) {
            runtime.events().publish(new AgentEvent.AgentStopped(id, reason));
        }
    }

    private void forgetChild(AgentCell child) {
        CellFamily f = family;
        if (f != null) {
            f.children.remove(child);
        }
    }

    Agent agent() {
        return agent;
    }

    void replaceAgent(Agent fresh) {
        agent = fresh;
    }

    CellFamily family() {
        if (family == null) {
            family = new CellFamily(null);
        }
        return family;
    }

    AgentSpec spec() {
        return spec;
    }

    CellRuntime runtime() {
        return runtime;
    }

    // AgentRef

    @Override
    public String id() {
        return id;
    }

    @Override
    public void tell(Object message) {
        send(message, null);
    }

    @Override
    public void tell(Object message, AgentRef sender) {
        send(message, Objects.requireNonNull(sender, "sender must not be null; use tell(message) to send without one"));
    }

    /** Enqueue {@code message}; {@code sender} is null for messages from outside any agent. */
    void send(Object message, AgentRef sender) {
        Objects.requireNonNull(message, "message must not be null");
        int capacity = spec.mailbox().capacity();
        if (!offer(message, sender, capacity)) {
            if (spec.mailbox().overflow() == OverflowPolicy.DEAD_LETTER) {
                runtime.deadLetter(this, message, sender, "mailbox full (capacity " + capacity + ")");
            } else {
                throw new MailboxOverflowException("the mailbox of agent '" + id + "' is full (capacity " + capacity
                        + "); slow down, raise the capacity or use OverflowPolicy.DEAD_LETTER");
            }
        }
    }

    @Override
    public <T> CompletableFuture<T> ask(Object message, Duration timeout) {
        Objects.requireNonNull(message, "message must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        return runtime.ask(this, message, timeout);
    }

    @Override
    public int mailboxSize() {
        return depth();
    }

    @Override
    public boolean isAlive() {
        return !isStopped();
    }

    @Override
    public String toString() {
        return "AgentRef[" + id + "]";
    }

    // AgentContext

    @Override
    public AgentRef self() {
        return this;
    }

    @Override
    public Optional<AgentRef> sender() {
        return Optional.ofNullable(currentNode().sender);
    }

    @Override
    public void reply(Object message) {
        AgentRef to = currentNode().sender;
        if (to == null) {
            runtime.deadLetter(null, Objects.requireNonNull(message, "message must not be null"), this,
                    "reply without a sender (from agent '" + id + "')");
        } else {
            to.tell(message, this);
        }
    }

    @Override
    public void tell(AgentRef recipient, Object message) {
        Objects.requireNonNull(recipient, "recipient must not be null").tell(message, this);
    }

    @Override
    public AgentRef spawn(AgentSpec childSpec) {
        Objects.requireNonNull(childSpec, "spec must not be null");
        AgentCell child = runtime.spawn(this, runtime.nextId(), childSpec);
        family().children.add(child);
        if (child.isStopped()) {
            family.children.remove(child);
        }
        return child;
    }

    @Override
    public void stop() {
        signal(SystemSignal.Kind.STOP, "stopped by itself");
    }
}
