package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.agentruntime.internal.CellRuntime;

/**
 * Run agents on a small shared pool of threads; the entry point of the runtime.
 *
 * <p>All methods are thread-safe. Closing the system stops every agent, dead-letters the messages
 * still queued, fails pending {@code ask}s and joins every thread it started:
 * <pre>{@code
 * try (AgentSystem system = AgentSystem.create()) {
 *     AgentRef echo = system.spawn("echo", AgentSpec.of(() -> (message, context) -> context.reply(message)));
 *     String answer = echo.<String>ask("hi", Duration.ofSeconds(1)).join();
 * }
 * }</pre>
 *
 * <p>Design notes: this class is the runtime's one public entry point and the one place that
 * validates the arguments of its methods. It owns an internal {@code CellRuntime}, hands it the
 * checked arguments and turns its results into this contract (a timed-out shutdown into an
 * {@code IllegalStateException}, for example). The runtime holds what the agents share (pool,
 * timer, registry, event stream, replies in flight), trusts its arguments and never refers to this
 * class, so it cannot call back into the API it implements ({@code ArchitectureTests} check it).
 * It keeps this system only as an opaque owner object, which {@code owning(context)} casts back for
 * {@link AgentContext#system()}; a typed field in every agent would cost heap per agent. No hot
 * path passes through here: {@code tell} and {@code ask} go from the {@link AgentRef} straight to
 * the agent's mailbox, and {@code spawn} adds one delegating call, which the JIT inlines.
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public final class AgentSystem implements AutoCloseable {

    private final CellRuntime runtime;

    private AgentSystem(AgentSystemConfig config) {
        this.runtime = new CellRuntime(config, this);
    }

    /** Create a system with {@link AgentSystemConfig#defaults()}. */
    public static AgentSystem create() {
        return create(AgentSystemConfig.defaults());
    }

    /** Create a system with {@code config}. */
    public static AgentSystem create(AgentSystemConfig config) {
        return new AgentSystem(Objects.requireNonNull(config, "config must not be null"));
    }

    /** Return the system running the agent behind {@code context}. */
    static AgentSystem owning(AgentContext context) {
        return (AgentSystem) CellRuntime.ownerOf(context).orElseThrow(() -> new UnsupportedOperationException(
                "this AgentContext was not created by an AgentSystem; a test double must override system()"));
    }

    /**
     * Spawn an agent with a generated id.
     *
     * @throws AgentSystemClosedException if the system is closed
     * @throws AgentStartException if the agent's factory or start hook throws
     */
    public AgentRef spawn(AgentSpec spec) {
        Objects.requireNonNull(spec, "spec must not be null");
        return runtime.spawn("", spec);
    }

    /**
     * Spawn an agent under {@code id}.
     *
     * @throws DuplicateAgentIdException if a running agent already has {@code id}
     */
    public AgentRef spawn(String id, AgentSpec spec) {
        Objects.requireNonNull(id, "id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an agent id must not be blank; use spawn(spec) for a generated id");
        }
        Objects.requireNonNull(spec, "spec must not be null");
        return runtime.spawn(id, spec);
    }

    /** Stop {@code agent} after its current message; return {@code false} if it was not running here. */
    public boolean stop(AgentRef agent) {
        return runtime.stop(Objects.requireNonNull(agent, "agent must not be null"));
    }

    /** Return the registry, for discovery and health or metadata updates. */
    public AgentRegistry registry() {
        return runtime.registry();
    }

    /** Return the agent registered under {@code id}. */
    public Optional<AgentRef> lookup(String id) {
        return runtime.registry().lookup(id);
    }

    /** Return the event stream. */
    public EventStream events() {
        return runtime.events();
    }

    /** Send {@code message} to every agent matching {@code query}; return how many it was sent to. */
    public int broadcast(AgentQuery query, Object message) {
        Objects.requireNonNull(query, "query must not be null");
        Objects.requireNonNull(message, "message must not be null");
        return runtime.broadcast(query, message);
    }

    /** Return the shared variable named {@code name}, creating it with {@code initial} if absent. */
    public <T> SharedVariable<T> variable(String name, T initial) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(initial, "initial value must not be null");
        return runtime.variable(name, initial);
    }

    /**
     * Ask {@code group} to vote on {@code proposal}; the round is accepted once {@code quorum} agents
     * approve, rejected once that is impossible, and times out after {@code timeout}.
     *
     * <p>Each member receives a {@link Ballot} and answers with {@code context.reply(Vote.yes())}.
     *
     * @throws AgentSystemClosedException if the system is closed
     */
    public CompletableFuture<VoteOutcome> vote(Collection<? extends AgentRef> group, Object proposal, int quorum, Duration timeout) {
        Objects.requireNonNull(group, "group must not be null");
        Objects.requireNonNull(proposal, "proposal must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (quorum < 1 || quorum > group.size()) {
            throw new IllegalArgumentException("a voting round requires 1 <= quorum <= group size (" + group.size() + "), but quorum was " + quorum);
        }
        return runtime.vote(group, proposal, quorum, timeout);
    }

    /** Return how many messages went to dead letters so far. */
    public long deadLetterCount() {
        return runtime.deadLetterCount();
    }

    /** Return whether the system is closed or closing. */
    public boolean isClosed() {
        return runtime.isClosed();
    }

    /**
     * Stop every agent, dead-letter queued messages and join all threads; idempotent.
     *
     * @throws IllegalStateException if threads did not finish within the shutdown timeout
     */
    @Override
    public void close() {
        try {
            if (!runtime.close()) {
                throw new IllegalStateException("agent system threads did not finish within the shutdown timeout; "
                        + "an agent is probably blocking in receive()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the agent system", e);
        }
    }
}
