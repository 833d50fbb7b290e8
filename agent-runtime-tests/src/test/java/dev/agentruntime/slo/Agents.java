package dev.agentruntime.slo;

import java.util.concurrent.atomic.AtomicLong;

import dev.agentruntime.Agent;
import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.Ballot;
import dev.agentruntime.Vote;

/** Agents and waits shared by the SLO suite. */
final class Agents {

    /** An agent that does nothing: the cheapest possible receiver. */
    static final AgentSpec IDLE = AgentSpec.of(() -> (message, context) -> { });

    /** An agent that answers every message with the message itself. */
    static final AgentSpec ECHO = AgentSpec.of(() -> (message, context) -> context.reply(message));

    /** An agent that approves every ballot. */
    static final AgentSpec VOTER = AgentSpec.of(() -> (message, context) -> {
        if (message instanceof Ballot) {
            context.reply(Vote.yes());
        }
    });

    private Agents() {
    }

    /** Return a spec whose agents count every message they receive into {@code received}. */
    static AgentSpec counting(AtomicLong received) {
        return AgentSpec.of(() -> new CountingAgent(received));
    }

    /**
     * Wait until {@code counter} reaches {@code target}, yielding the CPU to the runtime's threads.
     *
     * <p>This wait is part of the measured latency (the time until the runtime has delivered), so it
     * must not park for a fixed time: it re-checks as soon as the scheduler lets it.
     */
    static void awaitCount(AtomicLong counter, long target) {
        while (counter.get() < target) {
            Thread.yield();
        }
    }

    private static final class CountingAgent implements Agent {
        private final AtomicLong received;

        CountingAgent(AtomicLong received) {
            this.received = received;
        }

        @Override
        public void receive(Object message, AgentContext context) {
            received.incrementAndGet();
        }
    }
}
