package dev.agentruntime;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.agentruntime.internal.SystemCore;

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
 */
public final class AgentSystem implements AutoCloseable {

    private final SystemCore core;

    private AgentSystem(AgentSystemConfig config) {
        this.core = new SystemCore(this, config);
    }

    /** Create a system with {@link AgentSystemConfig#defaults()}. */
    public static AgentSystem create() {
        return create(AgentSystemConfig.defaults());
    }

    /** Create a system with {@code config}. */
    public static AgentSystem create(AgentSystemConfig config) {
        return new AgentSystem(Objects.requireNonNull(config, "config must not be null"));
    }

    /**
     * Spawn an agent with a generated id.
     *
     * @throws AgentSystemClosedException if the system is closed
     * @throws AgentStartException if the agent's factory or start hook throws
     */
    public AgentRef spawn(AgentSpec spec) {
        return core.spawn("", spec);
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
        return core.spawn(id, spec);
    }

    /** Stop {@code agent} after its current message; return {@code false} if it was not running here. */
    public boolean stop(AgentRef agent) {
        return core.stop(Objects.requireNonNull(agent, "agent must not be null"));
    }

    /** Return the registry, for discovery and health or metadata updates. */
    public AgentRegistry registry() {
        return core.registry();
    }

    /** Return the agent registered under {@code id}. */
    public Optional<AgentRef> lookup(String id) {
        return core.registry().lookup(id);
    }

    /** Return the event stream. */
    public EventStream events() {
        return core.events();
    }

    /** Send {@code message} to every agent matching {@code query}; return how many it was sent to. */
    public int broadcast(AgentQuery query, Object message) {
        return core.broadcast(query, message);
    }

    /** Return the shared variable named {@code name}, creating it with {@code initial} if absent. */
    public <T> SharedVariable<T> variable(String name, T initial) {
        return core.variable(name, initial);
    }

    /**
     * Ask {@code group} to vote on {@code proposal}; the round is accepted once {@code quorum} agents
     * approve, rejected once that is impossible, and times out after {@code timeout}.
     *
     * <p>Each member receives a {@link Ballot} and answers with {@code context.reply(Vote.yes())}.
     */
    public CompletableFuture<VoteOutcome> vote(Collection<? extends AgentRef> group, Object proposal, int quorum, Duration timeout) {
        return core.vote(group, proposal, quorum, timeout);
    }

    /** Return how many messages went to dead letters so far. */
    public long deadLetterCount() {
        return core.deadLetterCount();
    }

    /** Return whether the system is closed or closing. */
    public boolean isClosed() {
        return core.isClosed();
    }

    /**
     * Stop every agent, dead-letter queued messages and join all threads; idempotent.
     *
     * @throws IllegalStateException if threads did not finish within the shutdown timeout
     */
    @Override
    public void close() {
        try {
            if (!core.close()) {
                throw new IllegalStateException("agent system threads did not finish within the shutdown timeout; "
                        + "an agent is probably blocking in receive()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the agent system", e);
        }
    }
}
