package dev.agentruntime.slo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.agentruntime.Agent;
import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentEvent;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.EventLatch;
import dev.agentruntime.SupervisionStrategy;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/**
 * Supervision: how soon a failure is seen, and how soon a restarted agent serves again.
 *
 * <p>Caxton targets agent recovery after a failure in under 30 s; Foundation/MABEAM detects failures
 * within 10–30 s. Those platforms detect a failure by heartbeats or monitors and restart a process; here
 * the failure is an exception caught on the worker running the agent, so detection is the delivery of
 * the failing message, and recovery is a fresh instance from the factory taking the next queued message.
 *
 * <p>Both are cross-thread (a pool worker does the work, the test thread waits for it), so the budgets
 * are collapse guards on the wall clock. A plain ask from outside has moved from 4.9 to 72 µs at p50
 * with machine load, and recovery is an ask plus about 5 µs of work (an exception with its stack trace,
 * the {@code AgentFailed} event, a factory call), so its p50 may reach ~80 µs: the p50 budget of
 * {@value #RECOVERY_P50_MS} ms leaves 3× over that, and the p99 budget of {@value #RECOVERY_P99_MS} ms
 * 5× over the worst p99 measured beside two CPU-bound neighbours (0.99 ms). Both still sit at least
 * 2,000× under the seeds' 10–30 s. A restart that waits for anything (a timer tick, a
 * back-off) cannot meet them: {@link ScenarioSensitivityTests} shows a 1 ms back-off, and an agent that
 * is stopped instead of restarted, failing them.
 *
 * <p>The agent is restarted on every failure ({@link #EVERY_FAILURE}): the default strategy (10 restarts
 * a second) would stop an agent that fails thousands of times a second, as this test makes it.
 */
class SupervisionSloTests {

    /** Recovery and detection p50 budget, in ms. */
    static final double RECOVERY_P50_MS = 0.25;
    /** Recovery and detection p99 budget, in ms: a guard against collapse, like the suite's other cross-thread tails. */
    static final double RECOVERY_P99_MS = 5;

    /** Restart after every failure, however many: no restart budget runs out during a measurement. */
    static final SupervisionStrategy EVERY_FAILURE = SupervisionStrategy.restart(Integer.MAX_VALUE, Duration.ofMillis(1));
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Object FAIL = "fail";
    private static final Object WHO = "who";

    private final AtomicInteger instances = new AtomicInteger();
    private AgentSystem system;
    private AgentRef worker;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
        worker = system.spawn(failingAgent(instances, FailingAgent::new).withSupervision(EVERY_FAILURE));
    }

    @AfterEach
    void stop() {
        system.close();
    }

    /**
     * Recovery: a message that throws, then an ask that a fresh instance must answer.
     *
     * <p>One invocation is failure → restart → next message handled. The ask is queued behind the failing
     * message, so only the instance the supervisor created after the failure can answer it, and the body
     * checks that: an answer from an old instance, or no restart at all, is an error. Measured on this
     * 2-core VM: next to a neighbour's build only (load 1.5–2.7, three runs) p50 8.6–10.5 µs, p99 31–40 µs;
     * beside two CPU-bound neighbours (load 4.7–6.5, nine runs) p50 7.4–19 µs, p99 27 µs–0.99 ms.
     * Caxton: < 30 s.
     */
    @PerfTest(iterations = 10_000, warmupIterations = 2_000)
    @Slo(p50Ms = RECOVERY_P50_MS, p99Ms = RECOVERY_P99_MS)
    void restartedAgentAnswersTheNextMessage(PerfContext ctx) throws Exception {
        ctx.sink(failAndAskAFreshInstance(worker, instances));
    }

    /**
     * Detection: the time from sending a failing message until a subscriber of the event stream holds
     * the {@code AgentFailed} event (an {@link EventLatch}, subscribed untimed before the failure).
     *
     * <p>In-process, a failure is detected when it happens: this is one delivery plus one wake-up of the
     * waiting thread. Measured: next to a neighbour's build only (three runs) p50 6.5–8.6 µs, p99 36–56 µs;
     * beside two CPU-bound neighbours (nine runs) p50 7.1–12 µs, p99 22–150 µs. Detection is part of
     * recovery, so it has the recovery budgets. MABEAM: 10–30 s.
     */
    @PerfTest(iterations = 10_000, warmupIterations = 2_000)
    @Slo(p50Ms = RECOVERY_P50_MS, p99Ms = RECOVERY_P99_MS)
    void failureIsSeenOnTheEventStream(PerfContext ctx) throws Exception {
        try (EventLatch failed = ctx.untimed(() -> EventLatch.of(system.events(), AgentEvent.AgentFailed.class, 1))) {
            worker.tell(FAIL);
            if (!failed.await(TIMEOUT)) {
                throw new AssertionError("no AgentFailed event within " + TIMEOUT + " after a failing message");
            }
        }
    }

    /** Return a spec whose every instance, numbered from 1 by {@code instances}, comes from {@code factory}. */
    static AgentSpec failingAgent(AtomicInteger instances, IntFunction<? extends Agent> factory) {
        return AgentSpec.of(() -> factory.apply(instances.incrementAndGet()));
    }

    /**
     * Make {@code worker} fail, then ask it who it is; return the answering instance's number.
     *
     * @throws AssertionError if the answer came from an instance that existed before the failure
     */
    static int failAndAskAFreshInstance(AgentRef worker, AtomicInteger instances) throws Exception {
        int before = instances.get();
        worker.tell(FAIL);
        int answeredBy = worker.<Integer>ask(WHO, TIMEOUT).get();
        if (answeredBy <= before) {
            throw new AssertionError("the message after a failure was answered by instance " + answeredBy
                    + ", which existed before the failure (newest was " + before + "): the agent was not restarted");
        }
        return answeredBy;
    }

    /** Throw on {@link #FAIL}, answer anything else with this instance's number. */
    static class FailingAgent implements Agent {
        private final int instance;

        FailingAgent(int instance) {
            this.instance = instance;
        }

        @Override
        public void receive(Object message, AgentContext context) {
            if (message == FAIL) {
                throw new IllegalStateException("planted failure");
            }
            context.reply(instance);
        }
    }
}
