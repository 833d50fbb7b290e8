package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Prove the suite's tight budgets are meaningful: the same code doing five times the work fails each of them.
 *
 * <p>Each selected SLO test runs again with {@link Work#FACTOR} = 5, so its body repeats its work five times
 * per invocation, against its unchanged budget: a genuinely 5× slower runtime, not a scaled budget. The
 * selected objectives are those bound by one thread's work and judged on the CPU clock (spawn, bulk spawn,
 * spawn from two threads, the four discovery queries at 10,000 agents, the size their shared budget is set
 * for; the plain capability query with ten times the work, see its test); other processes barely move that clock,
 * so the proof holds on a quiet machine and beside two CPU hogs alike. Cross-thread objectives (broadcast, voting, propagation, asks, fan-in, open loop) are collapse
 * guards; see their Javadoc. Confirmation and noise re-measurement are off, so every selected test must fail
 * its first run with an SLO breach.
 */
class RegressionSensitivityTests {

    private static final String SPAWN = "dev.agentruntime.slo.SpawnSloTests#";
    private static final String DISCOVERY = "dev.agentruntime.slo.DiscoverySloTests#";
    private static final String TEN_THOUSAND_AGENTS = "[1]";

    @TempDir
    Path reportDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            SPAWN + "spawnAndRegisterOne(dev.junitperf.PerfContext, dev.agentruntime.slo.Work)",
            SPAWN + "spawnAndRegisterBulkOfHundred(dev.junitperf.PerfContext, dev.agentruntime.slo.Work)",
            SPAWN + "spawnAndRegisterFromTwoThreads(dev.junitperf.PerfContext, dev.agentruntime.slo.Work)",
            DISCOVERY + "byCapabilityAndMetadata(int, dev.junitperf.PerfContext, dev.agentruntime.slo.Work)" + TEN_THOUSAND_AGENTS,
            DISCOVERY + "byCapabilityAndHealth(int, dev.junitperf.PerfContext, dev.agentruntime.slo.Work)" + TEN_THOUSAND_AGENTS,
            DISCOVERY + "compositeQueryReturningAgents(int, dev.junitperf.PerfContext, dev.agentruntime.slo.Work)"
                    + TEN_THOUSAND_AGENTS})
    void fiveTimesTheWorkFailsTheBudget(String method) {
        assertFailsItsBudget(method, 5);
    }

    /**
     * The plain capability query has a fixed cost per call that five repetitions do not repeat (0.25–0.39 µs once,
     * 1.10–1.13 µs five times over, quiet), so its budget could not sit 1.5× clear of both a slow hour's single query
     * (0.67–0.68 µs) and five: it is proved with ten times the work.
     */
    @Test
    void tenTimesTheWorkFailsTheCapabilityQueryBudget() {
        assertFailsItsBudget(DISCOVERY + "byCapability(int, dev.junitperf.PerfContext, dev.agentruntime.slo.Work)"
                + TEN_THOUSAND_AGENTS, 10);
    }

    private void assertFailsItsBudget(String method, int factor) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selector(method))
                .configurationParameter("junitperf.report.dir", reportDir.toString())
                .configurationParameter(Work.FACTOR, Integer.toString(factor))
                .configurationParameter("junitperf.confirm.runs", "0")
                .configurationParameter("junitperf.noise.retries", "0")
                .configurationParameter("junitperf.console.lines", "false")
                .execute().testEvents().finished().stream().collect(Collectors.toList());

        assertThat(finished).hasSize(1).allSatisfy(event -> {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(result.getThrowable()).get().asString().contains("SLO breached").contains("p50 = ");
        });
    }

    /** Select a method, or with a trailing {@code [i]} the i-th (0-based) invocation of a sweep. */
    private static DiscoverySelector selector(String method) {
        if (!method.endsWith("]")) {
            return selectMethod(method);
        }
        int bracket = method.lastIndexOf('[');
        int iteration = Integer.parseInt(method.substring(bracket + 1, method.length() - 1));
        return selectIteration(selectMethod(method.substring(0, bracket)), iteration);
    }
}
