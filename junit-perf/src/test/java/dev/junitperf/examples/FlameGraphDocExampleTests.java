package dev.junitperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import dev.junitperf.SloBreachError;
import dev.junitperf.internal.report.FlameGraph;
import dev.junitperf.internal.results.Profile;
import dev.junitperf.testing.PerfEngine;

/** Show the flame graph example of docs/reports.md working, and its breach showing where the time went. */
class FlameGraphDocExampleTests {

    @TempDir
    Path reportDir;

    @Test
    void flameGraphExamplePassesAndRecordsNothing() {
        run(FlameGraphDocExample.class, "junitperf.jfr", "on-breach").assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(PerfEngine.onlyTest(reportDir).profile()).isNull();
    }

    @Test
    void flameGraphExampleBreachedShowsTheLinearSearchAsWhereTheTimeWent() {
        run(FlameGraphDocExample.class, "junitperf.slo.scale", "0.00001", "junitperf.jfr", "on-breach").assertThatEvents()
                .haveExactly(1, finishedWithFailure(instanceOf(SloBreachError.class), message(m -> m.contains(
                        "Flame graph: section \"" + FlameGraph.SECTION_TITLE + "\"") && m.contains("Top frames by self time: "))));

        Profile profile = PerfEngine.onlyTest(reportDir).profile();
        Profile.Frame test = profile.root().children().get(0);
        assertThat(test.frame()).isEqualTo(FlameGraphDocExample.class.getName() + ".findCustomer");
        assertThat(test.samples()).as("samples in findCustomer of %s in the body", profile.bodySamples())
                .isGreaterThan(profile.bodySamples() / 2);
        assertThat(profile.hottest()).extracting(Profile.SelfTime::frame).as("top frames by self time").first()
                .isEqualTo(FlameGraphDocExample.class.getName() + ".indexOf");
    }

    private Events run(Class<?> testClass, String... keyValues) {
        return PerfEngine.executeWithDefaults(testClass, reportDir, keyValues).testEvents();
    }
}
