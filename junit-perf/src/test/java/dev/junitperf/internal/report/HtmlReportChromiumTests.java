package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.HeadlessChromium;
import dev.junitperf.testing.PerfEngine;

/**
 * Load a real {@code report.html} in headless Chromium and check what the browser made of it: the report of a run of
 * real perf tests (one that passes, a breach recorded with {@code junitperf.jfr=on-breach} and so with a flame graph, a
 * sweep, a load profile with its latency over time). The page has no script, so the browser must log no console line
 * at all. Where Chromium is missing these tests are skipped and say why ({@link HeadlessChromium#whyMissing()}).
 */
class HtmlReportChromiumTests {

    private static final List<String> FIXTURES = List.of("dev.junitperf.PerfTestExtensionTests$MetTestCases",
            "dev.junitperf.FlightRecordingTests$HotLoopTestCases", "dev.junitperf.PerfSweepExtensionTests$SweepTestCases",
            "dev.junitperf.LoadProfileExtensionTests$RampTestCases");

    @TempDir
    static Path dir;

    private static HeadlessChromium chromium;
    private static Path report;
    private static String source;

    @BeforeAll
    static void runRealPerfTests() throws IOException, ClassNotFoundException {
        Optional<HeadlessChromium> found = HeadlessChromium.find(dir.resolve("browser"));
        Assumptions.assumeTrue(found.isPresent(), HeadlessChromium::whyMissing);
        chromium = found.get();
        List<Class<?>> fixtures = new ArrayList<>();
        for (String name : FIXTURES) {
            fixtures.add(Class.forName(name));
        }
        PerfEngine.executeAll(fixtures, dir.resolve("report"), "junitperf.jfr", "on-breach");
        report = dir.resolve("report").resolve(HtmlReportWriter.REPORT_FILE);
        source = Files.readString(report);
        assertThat(HtmlReportWriterTests.count(source, "<svg class=\"flame\"")).as("flame graphs in the report").isPositive();
        assertThat(HtmlReportWriterTests.count(source, "<svg class=\"chart timeline\"")).as("latency over time").isOne();
    }

    @Test
    void chromiumRendersEveryChartWithoutConsoleErrors() throws IOException, InterruptedException {
        HeadlessChromium.Run browser = chromium.dumpDom(report);

        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        String dom = Files.readString(browser.output());
        assertThat(HtmlReportWriterTests.count(dom, "<svg class=\"chart spectrum\"")).isEqualTo(6);
        assertThat(HtmlReportWriterTests.count(dom, "<svg class=\"chart sweep\"")).isEqualTo(1);
        for (String tag : List.of("<article", "<tr", "<polyline", "<circle", "<text", "<rect", "<svg class=\"flame\"")) {
            assertThat(HtmlReportWriterTests.count(dom, tag)).as("%s elements the browser kept", tag)
                    .isEqualTo(HtmlReportWriterTests.count(source, tag));
        }
        assertThat(browser.consoleLines()).as("Chromium console output (the page has no script, so it logs nothing)")
                .isEmpty();
    }

    @Test
    void theScreenshotIsNotBlank() throws IOException, InterruptedException {
        chromium.assertScreenshotNotBlank(report, dir.resolve("report.png"));
    }
}
