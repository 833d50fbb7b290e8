package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.report.FlameGraph;
import dev.junitperf.internal.results.Profile;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;

class FlightRecordingTests {

    @TempDir
    Path reportDir;

    @Test
    void breachIsReRunUnderAFlightRecordingNamedInTheFailure() throws Exception {
        PerfEngine.execute(PerfTestExtensionTests.BreachTestCases.class, reportDir, "junitperf.jfr", "on-breach")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.contains("Flight recording of a re-run: " + reportDir.resolve("jfr").toAbsolutePath())))));

        Path recording;
        try (Stream<Path> files = Files.list(reportDir.resolve("jfr"))) {
            recording = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
        assertThat(RecordingFile.readAllEvents(recording)).isNotEmpty();
    }

    @Test
    void theFlameGraphOfABreachShowsTheHotMethodWithTheLargestSelfShare() throws Exception {
        PerfEngine.execute(HotLoopTestCases.class, reportDir, "junitperf.jfr", "on-breach").testEvents().assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(instanceOf(SloBreachError.class), message(m -> m.contains(
                        "Flame graph: section \"" + FlameGraph.SECTION_TITLE + "\" of " + reportDir.resolve("report.html")
                                .toAbsolutePath() + "#t-") && m.contains("Top frames by self time: FlightRecordingTests$HotLoopTestCases.hotLoop ")))));

        ResultsFile.Test test = PerfEngine.onlyTest(reportDir);
        Profile profile = test.profile();
        // About 375 ms of the body sampled every millisecond; even a machine whose CPUs are taken gives a third of it.
        assertThat(profile.bodySamples()).as("samples in the measured body").isGreaterThanOrEqualTo(60);
        Profile.SelfTime hottest = profile.hottest().get(0);
        assertThat(hottest.frame()).isEqualTo(HotLoopTestCases.class.getName() + ".hotLoop");
        assertThat(hottest.samples()).as("self samples of hotLoop of %s in the body", profile.bodySamples())
                .isGreaterThan(profile.bodySamples() / 2);
        Profile.Frame method = profile.root().children().get(0);
        assertThat(method.frame()).isEqualTo(HotLoopTestCases.class.getName() + ".burns");
        assertThat(method.children()).extracting(Profile.Frame::frame).startsWith(hottest.frame());
        assertThat(profile.recording()).startsWith("jfr/").endsWith(".jfr");

        String html = Files.readString(reportDir.resolve("report.html"));
        String section = html.substring(html.indexOf("<section class=\"profile\" id=\"" + FlameGraph.anchor(test.id()) + "\">"));
        assertThat(section).contains("<h4>" + FlameGraph.SECTION_TITLE + "</h4>", "<svg class=\"flame\"",
                ">FlightRecordingTests$HotLoopTestCases.hotLoop<", "<title>" + hottest.frame() + " — ").doesNotContain("<script");
        assertThat(Files.readString(reportDir.resolve("summary.md"))).containsPattern(
                "\\| FlightRecordingTests\\$HotLoopTestCases › burns\\(\\) \\| [0-9,]+ every 1\\.00 ms \\| "
                        + "FlightRecordingTests\\$HotLoopTestCases\\.hotLoop [0-9.]+ %");
        try (Stream<Path> files = Files.list(reportDir.resolve("jfr"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".svg"));
        }
    }

    @Test
    void passingTestIsNotRecorded() throws Exception {
        PerfEngine.execute(PerfTestExtensionTests.MetTestCases.class, reportDir, "junitperf.jfr", "on-breach")
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(reportDir.resolve("jfr")).doesNotExist();
        assertNoFlameGraph();
    }

    @Test
    void aBreachWithoutJfrHasNoFlameGraph() throws Exception {
        PerfEngine.execute(HotLoopTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(SloBreachError.class), message(m -> !m.contains("Flame graph")
                        && !m.contains("Flight recording")))));

        assertThat(reportDir.resolve("jfr")).doesNotExist();
        assertNoFlameGraph();
    }

    private void assertNoFlameGraph() throws Exception {
        assertThat(PerfEngine.onlyTest(reportDir).profile()).isNull();
        assertThat(Files.readString(reportDir.resolve("results.json"))).doesNotContain("\"profile\"");
        assertThat(Files.readString(reportDir.resolve("report.html"))).doesNotContain("<svg class=\"flame\"")
                .doesNotContain(FlameGraph.SECTION_TITLE);
        assertThat(Files.readString(reportDir.resolve("summary.md"))).doesNotContain("Where the breached tests spent");
    }

    @Test
    void unknownValueIsAConfigurationError() {
        PerfEngine.execute(PerfTestExtensionTests.MetTestCases.class, reportDir, "junitperf.jfr", "always")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Configuration parameter `junitperf.jfr` must be 'on-breach' or 'off', but was 'always'"))));
    }

    /** A body whose time goes to one known method, about 250 µs of arithmetic a call: 1,500 calls, about 375 ms a run. */
    static class HotLoopTestCases {
        private static long sink;

        @PerfTest(iterations = 1_500, warmupMs = 50)
        @Slo(p50Ms = 0.001)
        void burns() {
            sink += hotLoop(100_000);
        }

        private static long hotLoop(int rounds) {
            long x = rounds;
            for (int i = 0; i < rounds; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
            return x;
        }
    }
}
