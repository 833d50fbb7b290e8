package dev.agentruntime.slo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/**
 * The runtime against a plain thread-per-agent design, in the same run: FreeAgentics' comparison of
 * concurrency models (there threading against multiprocessing).
 *
 * <p>The workload is a token passed once around a ring of {@value #AGENTS} agents: every hop is one
 * message from one agent to the next, and the hops are strictly sequential, so a lap costs
 * {@value #AGENTS} times what the design pays per message between agents. That is where the designs
 * differ. In {@link ThreadPerAgentRing} every agent is a platform thread parked on its queue, so every
 * hop wakes a thread through the kernel; in the runtime an agent that tells an idle agent schedules it
 * on its own worker's queue, so a hop is a queue operation and the worker runs the next agent at once.
 * Both sides are otherwise identical: the same token, one tell from the test thread to start a lap, one
 * wake-up of the test thread at its end.
 *
 * <p>Measured (rounds in ABBA order, ratio of the medians): beside two CPU-bound neighbours (load
 * 4.7–6.5, twelve runs) thread-per-agent's lap took 9.6–14.6 ms (10–15 µs per hop, every one a
 * wake-up), the runtime's 0.12–1.12 ms (0.1–1.1 µs per hop), ratio 10.6–101×, median 55×; next to a
 * neighbour's build only (two runs) 20.4× (0.60 vs 12.3 ms) and 85.8× (0.20 vs 17.5 ms). The ratio moves
 * because the runtime's lap does: a lap of a few hundred µs either runs whole or loses a time slice to
 * a neighbour, while thread-per-agent pays a wake-up per hop whatever the load. {@code byFactor = }
 * {@value #BY_FACTOR} leaves 2.6× under the lowest ratio seen (a run beside the two neighbours and
 * another build). It still means that the runtime's hop costs at most a quarter of a thread wake-up: a
 * runtime that woke a thread for every message fails it ({@link ScenarioSensitivityTests} adds one
 * hand-off per hop to the runtime's ring and measures 0.5×). It guards the design, not small
 * regressions, which the runtime's absolute objectives in the other classes catch.
 */
class ConcurrencyModelSloTests {

    static final int AGENTS = 1_000;
    static final double BY_FACTOR = 4;
    static final Duration LAP_TIMEOUT = Duration.ofSeconds(10);

    private AgentSystem system;
    private AgentRef firstAgent;
    private ThreadPerAgentRing threads;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
        firstAgent = ring(system, AGENTS, Hop.TELL);
        threads = new ThreadPerAgentRing(AGENTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        system.close();
        threads.close();
    }

    /** Pass a token around the runtime's ring: agents multiplexed on the pool, one tell per hop. */
    @PerfTest(iterations = 200, warmupIterations = 20, warmupMs = 50)
    @Slo(fasterThan = "threadPerAgent", byFactor = BY_FACTOR)
    void multiplexedAgents(PerfContext ctx) throws Exception {
        CompletableFuture<Void> token = new CompletableFuture<>();
        firstAgent.tell(token);
        ctx.sink(token.get(LAP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The reference: pass a token around the thread-per-agent ring, one thread wake-up per hop. */
    void threadPerAgent(PerfContext ctx) throws Exception {
        ctx.sink(threads.lap().get(LAP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Spawn a ring of {@code agents} agents that pass a token on by {@code hop}; the last completes it; return the first. */
    static AgentRef ring(AgentSystem system, int agents, Hop hop) {
        AgentRef next = system.spawn(AgentSpec.of(() -> (token, context) -> ((CompletableFuture<?>) token).complete(null)));
        for (int i = 1; i < agents; i++) {
            AgentRef successor = next;
            next = system.spawn(AgentSpec.of(() -> (token, context) -> hop.pass(token, successor, context)));
        }
        return next;
    }

    /** How one agent of the ring passes the token to its successor. */
    @FunctionalInterface
    interface Hop {
        /** The runtime's own way: a tell from the agent. */
        Hop TELL = (token, successor, context) -> context.tell(successor, token);

        void pass(Object token, AgentRef successor, AgentContext context);
    }
}
