package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.AgentSystemConfig;

/**
 * The CPU that 10,000 idle agents use over one idle second: Caxton's "CPU per idle agent < 5 %".
 *
 * <p>Idle agents here are objects, not threads: an agent with an empty mailbox is not scheduled, so it
 * costs no CPU at all. What the runtime's threads use while every agent is idle is the system's fixed
 * cost: the pool's workers are parked (0 ns), and the timer thread wakes every 5 ms to sweep pending
 * {@code ask}s, even when none is pending. In this Firecracker VM a timed wake-up costs 40–100 µs of
 * CPU time (a bare {@code ScheduledThreadPoolExecutor} running an empty task every 5 ms costs the same
 * 8–20 ms a second), so the figure does not depend on the number of agents: see the 1-agent case next
 * to the 10,000-agent one.
 *
 * <p>Measured: next to a neighbour's build only (load 1.5–2.7, two runs) 13.6–15.6 ms of CPU over the
 * idle second for the whole system with 10,000 agents, 13.2–13.6 ms with one; beside two CPU-bound
 * neighbours (load 4.7–6.5, fourteen runs) 7.6–20 ms with 10,000, 9.5–20 ms with one. The budget,
 * {@value #BUDGET_MS} ms over the second, is 5 % of one core: the whole system of 10,000 idle agents must
 * stay within what Caxton allows one idle agent, which makes 0.0005 % of a core per agent. It is judged
 * on the runtime's own threads' CPU clocks, which do not advance while neighbours hold the cores (they
 * make each wake-up dearer, not more frequent), and leaves 2.5× over the worst figure seen. It trips if
 * one agent among the 10,000 burns 5 % of a core, or if idle agents were polled ten times a second at
 * 0.5 µs each; {@link #oneBusyAgentAmongThemIsCaught} shows the check tripping on an agent that polls
 * for work by re-telling itself.
 *
 * <p>A plain test rather than a {@code @PerfTest}: the objective is CPU used by other threads over a time
 * window, not the latency of an operation, and a perf test's clocks measure only the measuring thread
 * (the CPU clock would see nothing, the wall clock one second per invocation by construction). Awaitility
 * waits out the second: {@code during} requires the budget to hold at every poll for a whole second, and
 * {@code failFast} ends the wait with the figure as soon as it is breached.
 */
class IdleCpuSloTests {

    static final long BUDGET_MS = 50;

    private static final String SYSTEM_NAME = "idle-cpu";
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final AtomicLong handled = new AtomicLong();
    private AgentSystem system;

    @AfterEach
    void stop() {
        system.close();
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {1, 10_000})
    void idleAgentsUseAlmostNoCpuForASecond(int agents) {
        startAgentsThatHaveEachHandledAMessage(agents);
        ThreadCpuWindow jvm = ThreadCpuWindow.open(name -> true);

        Duration used = awaitIdleSecondWithinBudget(agents);

        System.out.printf("[idle-cpu] %,d idle agent(s): the runtime's threads used %.2f ms of CPU over the idle second (budget %d ms), "
                + "%.6f %% of a core per agent; every JVM thread together %.2f ms%n",
                agents, millis(used), BUDGET_MS, 100.0 * used.toNanos() / IDLE.toNanos() / agents, millis(jvm.cpu()));
    }

    @Test
    void oneBusyAgentAmongThemIsCaught() {
        startAgentsThatHaveEachHandledAMessage(10_000);
        AgentRef poller = system.spawn(AgentSpec.of(() -> (message, context) -> context.tell(context.self(), message)));
        poller.tell("any work yet?");

        assertThatThrownBy(() -> awaitIdleSecondWithinBudget(10_000))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ms of CPU the runtime's threads used over the idle second (10,000 idle agents), budget " + BUDGET_MS + " ms")
                .hasMessageContaining(SYSTEM_NAME + "-worker");
    }

    /** Spawn {@code agents} agents and let each handle one message, so the pool's workers exist and have worked. */
    private void startAgentsThatHaveEachHandledAMessage(int agents) {
        system = AgentSystem.create(AgentSystemConfig.defaults().withName(SYSTEM_NAME));
        AgentSpec counting = Agents.counting(handled);
        for (int i = 0; i < agents; i++) {
            system.spawn(counting).tell("work");
        }
        Agents.awaitCount(handled, agents);
    }

    /** Wait one second while the runtime's threads stay within budget; return what they used. */
    private Duration awaitIdleSecondWithinBudget(int agents) {
        ThreadCpuWindow runtime = ThreadCpuWindow.open(name -> name.startsWith(SYSTEM_NAME + "-"));
        try {
            await("one idle second of " + agents + " agents")
                    .during(IDLE)
                    .atMost(IDLE.plusSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .failFast(() -> assertWithinBudget(runtime, agents))
                    .untilAsserted(() -> assertWithinBudget(runtime, agents));
        } catch (TerminalFailureException breached) {
            if (breached.getCause() instanceof AssertionError overBudget) {
                throw overBudget;
            }
            throw breached;
        }
        return runtime.cpu();
    }

    private static void assertWithinBudget(ThreadCpuWindow runtime, int agents) {
        Map<String, Duration> byThread = runtime.cpuByThread();
        assertThat(millis(ThreadCpuWindow.total(byThread)))
                .as("ms of CPU the runtime's threads used over the idle second (%,d idle agents), budget %d ms (by thread: %s)",
                        agents, BUDGET_MS, byThread)
                .isLessThanOrEqualTo(BUDGET_MS);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
