package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load a real {@code report.html} in headless Chromium and check what the browser made of it.
 *
 * <p>Chromium logs every console message, {@code console.error} and uncaught exceptions included, at
 * INFO level as {@code INFO:CONSOLE:<line>}, so the check rejects any console line, not only those
 * saying ERROR. Skipped where no Chromium is installed, as on most CI machines.
 */
class HtmlReportChromiumTests {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void chromiumRendersEveryChartWithoutConsoleErrors() throws IOException, InterruptedException {
        Optional<Path> chromium = findChromium();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium not installed: apt-get install chromium to run this check");
        ReportFixtures.aggregate(dir.resolve("report"), ReportFixtures.passing("fast"), ReportFixtures.failed("slow"),
                ReportFixtures.openLoop("paced"), ReportFixtures.invocation("sized", 1, "[1] n = 10"),
                ReportFixtures.invocation("sized", 2, "[2] n = 100"));
        Path report = dir.resolve("report").resolve(HtmlReportWriter.REPORT_FILE);
        String source = Files.readString(report);

        Browser browser = dumpDom(chromium.get(), report);

        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        assertThat(HtmlReportWriterTests.count(browser.dom(), "<svg class=\"chart spectrum\"")).isEqualTo(5);
        assertThat(HtmlReportWriterTests.count(browser.dom(), "<svg class=\"chart sweep\"")).isEqualTo(1);
        assertThat(HtmlReportWriterTests.spectrumPointCounts(browser.dom()))
                .isEqualTo(HtmlReportWriterTests.spectrumPointCounts(source)).allSatisfy(n -> assertThat(n).isGreaterThan(1));
        for (String tag : List.of("<article", "<tr", "<polyline", "<circle", "<text")) {
            assertThat(HtmlReportWriterTests.count(browser.dom(), tag)).as("%s elements the browser kept", tag)
                    .isEqualTo(HtmlReportWriterTests.count(source, tag));
        }
        assertThat(browser.stderr().lines()).as("Chromium console output (the page has no script, so it logs nothing)")
                .noneMatch(line -> line.contains("Uncaught"))
                .noneMatch(line -> line.contains(":CONSOLE"));
    }

    private Browser dumpDom(Path chromium, Path report) throws IOException, InterruptedException {
        File out = dir.resolve("dom.html").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0", "--dump-dom",
                report.toUri().toString())
                .redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err.toPath()));
        }
        return new Browser(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    private static Optional<Path> findChromium() {
        Path standard = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(standard)) {
            return Optional.of(standard);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank())
                .flatMap(p -> BROWSERS.stream().map(name -> Path.of(p, name)))
                .filter(Files::isExecutable).findFirst();
    }

    private record Browser(int exitCode, String dom, String stderr) {
    }
}
