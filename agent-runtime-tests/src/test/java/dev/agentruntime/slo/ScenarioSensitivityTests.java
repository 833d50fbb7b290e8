package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.SupervisionStrategy;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/**
 * Prove that the supervision and concurrency-model objectives fail for the right reason.
 *
 * <p>Each fixture below runs the real objective's body and budget (the same constants) against a
 * deliberately broken variant, through the Jupiter engine, and must fail with the matching breach.
 * Confirmation runs are off so the check stays fast. The idle-CPU check proves itself in
 * {@link IdleCpuSloTests#oneBusyAgentAmongThemIsCaught}.
 */
class ScenarioSensitivityTests {

    @TempDir
    Path reportDir;

    @Test
    void restartAfterAOneMillisecondBackOffBreachesTheRecoveryBudget() {
        assertThat(failureOf(BackOffRestartTestCases.class))
                .contains("SLO breached").contains("p50 = ")
                .contains(String.format(Locale.ROOT, "> budget %.0f µs", SupervisionSloTests.RECOVERY_P50_MS * 1_000));
    }

    @Test
    void agentThatIsStoppedInsteadOfRestartedBreachesTheErrorBudget() {
        assertThat(failureOf(StoppedInsteadOfRestartedTestCases.class))
                .contains("SLO breached").contains("error rate = 100");
    }

    @Test
    void runtimeThatWakesAThreadPerMessageIsNoFasterThanThreadPerAgent() {
        assertThat(failureOf(ThreadHandOffPerHopTestCases.class))
                .contains("SLO breached").containsPattern("[0-9.]+× faster than threadPerAgent\\(\\)")
                .contains(String.format(Locale.ROOT, "< required %.2f×", ConcurrencyModelSloTests.BY_FACTOR));
    }

    private String failureOf(Class<?> testCases) {
        return SensitivityRuns.failureOf(testCases, reportDir);
    }

    /**
     * A supervisor that waits 1 ms before it restarts (a back-off, as timer-driven supervisors do).
     *
     * <p>The wait is a delayed future, which never completes early, so every recovery takes at least 1 ms
     * whatever the machine does: twice the p50 budget.
     */
    static class BackOffRestartTestCases {
        private final AtomicInteger instances = new AtomicInteger();
        private AgentSystem system;
        private AgentRef worker;

        @BeforeEach
        void start() {
            system = AgentSystem.create();
            worker = system.spawn(SupervisionSloTests.failingAgent(instances, instance -> {
                if (instance > 1) {
                    CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS)).join();
                }
                return new SupervisionSloTests.FailingAgent(instance);
            }).withSupervision(SupervisionSloTests.EVERY_FAILURE));
        }

        @AfterEach
        void stop() {
            system.close();
        }

        @PerfTest(iterations = 300, warmupIterations = 10, warmupMs = 20)
        @Slo(p50Ms = SupervisionSloTests.RECOVERY_P50_MS, p99Ms = SupervisionSloTests.RECOVERY_P99_MS)
        void restartedAgentAnswersTheNextMessage(PerfContext ctx) throws Exception {
            ctx.sink(SupervisionSloTests.failAndAskAFreshInstance(worker, instances));
        }
    }

    /** A supervisor that stops the failed agent: the next message is never handled. */
    static class StoppedInsteadOfRestartedTestCases {
        private final AtomicInteger instances = new AtomicInteger();
        private AgentSystem system;
        private AgentRef worker;

        @BeforeEach
        void start() {
            system = AgentSystem.create();
            worker = system.spawn(SupervisionSloTests.failingAgent(instances, SupervisionSloTests.FailingAgent::new)
                    .withSupervision(SupervisionStrategy.stop()));
        }

        @AfterEach
        void stop() {
            system.close();
        }

        @PerfTest(iterations = 300, warmupIterations = 10, warmupMs = 20)
        @Slo(p50Ms = SupervisionSloTests.RECOVERY_P50_MS, p99Ms = SupervisionSloTests.RECOVERY_P99_MS)
        void restartedAgentAnswersTheNextMessage(PerfContext ctx) throws Exception {
            ctx.sink(SupervisionSloTests.failAndAskAFreshInstance(worker, instances));
        }
    }

    /**
     * The runtime's ring with one thread hand-off added to every hop: each agent gives the token to a
     * plain executor thread, which tells the successor from outside the pool.
     *
     * <p>That is the per-message wake-up the thread-per-agent design pays, so the runtime loses its
     * advantage; a smaller ring keeps the check short, since the ratio does not depend on the ring's size.
     */
    static class ThreadHandOffPerHopTestCases {
        private static final int AGENTS = 100;

        private final ExecutorService handOff = Executors.newSingleThreadExecutor();
        private AgentSystem system;
        private AgentRef firstAgent;
        private ThreadPerAgentRing threads;

        @BeforeEach
        void start() {
            system = AgentSystem.create();
            firstAgent = ConcurrencyModelSloTests.ring(system, AGENTS, (token, successor, context) ->
                    handOff.execute(() -> successor.tell(token)));
            threads = new ThreadPerAgentRing(AGENTS);
        }

        @AfterEach
        void stop() throws InterruptedException {
            system.close();
            threads.close();
            handOff.shutdownNow();
        }

        @PerfTest(iterations = 200, warmupIterations = 20, warmupMs = 20)
        @Slo(fasterThan = "threadPerAgent", byFactor = ConcurrencyModelSloTests.BY_FACTOR)
        void multiplexedAgents(PerfContext ctx) throws Exception {
            CompletableFuture<Void> token = new CompletableFuture<>();
            firstAgent.tell(token);
            ctx.sink(token.get(ConcurrencyModelSloTests.LAP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        }

        void threadPerAgent(PerfContext ctx) throws Exception {
            ctx.sink(threads.lap().get(ConcurrencyModelSloTests.LAP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS));
        }
    }
}
