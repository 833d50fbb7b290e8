package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Run a broken variant of an SLO test on its own and hand back why it failed: once, without retries or console lines. */
final class SensitivityRuns {

    private SensitivityRuns() {
    }

    /** Run {@code testCases}, writing reports to {@code reportDir}, and return the message of its only test's failure. */
    static String failureOf(Class<?> testCases, Path reportDir) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testCases))
                .configurationParameter("junitperf.report.dir", reportDir.toString())
                .configurationParameter("junitperf.confirm.runs", "0")
                .configurationParameter("junitperf.noise.retries", "0")
                .configurationParameter("junitperf.console.lines", "false")
                .configurationParameter("junitperf.progress", "false")
                .execute().testEvents().finished().list();

        assertThat(finished).hasSize(1);
        TestExecutionResult result = finished.get(0).getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow().getMessage();
    }
}
