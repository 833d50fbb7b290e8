package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.HeadlessChromium;

/**
 * Load the report the SLO suite has just written ({@code target/junit-perf/report.html}, by Surefire in the {@code test}
 * phase) in headless Chromium, as a reader would open it: every chart and table the page holds must reach the browser's
 * DOM, the browser must log nothing (the page has no script), and a screenshot must not be blank.
 *
 * <p>Run by Failsafe in {@code integration-test}, after the suite, in {@code ./mvnw verify} and in the main job. Where
 * Chromium is missing it is skipped and says why; {@code .ci/run} installs it where it can.
 */
class SloReportInChromiumIT {

    private static final Path REPORT_DIR = Path.of(System.getProperty("slo.report.dir", "target/junit-perf"));
    private static final List<String> KEPT_ELEMENTS = List.of("<article", "<tr", "<svg class=\"chart spectrum\"",
            "<svg class=\"chart sweep\"", "<svg class=\"chart timeline\"", "<polyline", "<text", "<rect");

    @TempDir
    static Path dir;

    private static HeadlessChromium chromium;
    private static Path report;
    private static String source;
    private static int tests;

    @BeforeAll
    static void readTheSuitesReport() throws IOException {
        report = REPORT_DIR.resolve("report.html");
        assertThat(report).as("the SLO suite's report; Surefire writes it before Failsafe runs").isRegularFile();
        source = Files.readString(report);
        JsonNode results = new ObjectMapper().readTree(REPORT_DIR.resolve("results.json").toFile());
        tests = results.get("tests").size();
        assertThat(tests).as("perf tests in the suite's results.json").isGreaterThanOrEqualTo(20);
        assertThat(source).as("report.html's summary line").contains(tests + " perf tests: ");
        assertThat(count(source, "<svg class=\"chart spectrum\"")).as("a percentile spectrum per test").isEqualTo(tests);
        assertThat(count(source, "<svg class=\"chart timeline\"")).as("latency over time of the load profiles").isPositive();
        Optional<HeadlessChromium> found = HeadlessChromium.find(dir);
        Assumptions.assumeTrue(found.isPresent(), HeadlessChromium::whyMissing);
        chromium = found.get();
    }

    @Test
    void everyChartAndTableReachesTheBrowserAndNothingIsLogged() throws IOException, InterruptedException {
        HeadlessChromium.Run browser = chromium.dumpDom(report);

        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        String dom = Files.readString(browser.output());
        for (String element : KEPT_ELEMENTS) {
            assertThat(count(dom, element)).as("%s elements the browser kept", element).isEqualTo(count(source, element));
        }
        assertThat(browser.consoleLines()).as("Chromium console output (the page has no script, so it logs nothing)")
                .isEmpty();
        System.out.printf("SloReportInChromiumIT: Chromium rendered %s (%,d bytes, %d perf tests) with no console output%n",
                report, Files.size(report), tests);
    }

    @Test
    void theScreenshotIsNotBlank() throws IOException, InterruptedException {
        Path png = REPORT_DIR.resolve("report-screenshot.png");

        HeadlessChromium.Pixels pixels = chromium.assertScreenshotNotBlank(report, png);

        System.out.printf("SloReportInChromiumIT: screenshot %s: luminance variance %.0f, %.1f %% ink%n", png,
                pixels.variance(), 100 * pixels.inkShare());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
