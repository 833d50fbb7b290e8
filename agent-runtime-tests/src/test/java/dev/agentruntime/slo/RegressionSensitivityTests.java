package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Prove the suite's budgets are meaningful: a runtime 5× slower must fail them.
 *
 * <p>A 5× slower runtime against a budget B is the same verdict as today's runtime against B / 5,
 * which is exactly {@code junitperf.slo.scale = 0.2}. The selected budgets sit at about 4× the fastest
 * median seen on this machine class (spawn 0.27 µs, bulk of 100 25 µs, propagation 17.6 µs), so a 5×
 * regression trips them even on a quiet machine. Confirmation runs are switched off so the check
 * stays fast; every selected test must then fail with an SLO breach. Selected are the objectives bound by
 * one thread's work; the cross-thread ones (outside ask, fan-in, open loop) move 2–4× with machine load on
 * two cores, so their budgets guard against collapse instead (see their Javadoc).
 */
class RegressionSensitivityTests {

    @TempDir
    Path reportDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "dev.agentruntime.slo.SpawnSloTests#spawnAndRegisterOne(dev.junitperf.PerfContext)",
            "dev.agentruntime.slo.SpawnSloTests#spawnAndRegisterBulkOfHundred(dev.junitperf.PerfContext)",
            "dev.agentruntime.slo.CoordinationSloTests#variableUpdateReachesEverySubscriber(dev.junitperf.PerfContext)"})
    void fiveTimesSlowerFailsTheBudget(String method) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(method))
                .configurationParameter("junitperf.report.dir", reportDir.toString())
                .configurationParameter("junitperf.slo.scale", "0.2")
                .configurationParameter("junitperf.confirm.runs", "0")
                .configurationParameter("junitperf.console.lines", "false")
                .execute().testEvents().finished().stream().collect(Collectors.toList());

        assertThat(finished).isNotEmpty().allSatisfy(event -> {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(result.getThrowable()).get().asString().contains("SLO breached");
        });
    }
}
