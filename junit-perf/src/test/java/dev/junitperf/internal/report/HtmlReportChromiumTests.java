package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.PerfEngine;

/**
 * Load a real {@code report.html} in headless Chromium and check what the browser made of it: the report of a run of
 * real perf tests (one that passes, a breach recorded with {@code junitperf.jfr=on-breach} and so with a flame graph, a
 * sweep, a load profile with its latency over time).
 *
 * <p>Chromium logs every console message, {@code console.error} and uncaught exceptions included, at INFO level as
 * {@code INFO:CONSOLE:<line>}, so the check rejects any console line, not only those saying ERROR. {@code .ci/run}
 * installs Debian's {@code chromium} where it runs as root with apt; elsewhere without Chromium these tests are
 * skipped and say why. Nothing waits on a clock: each browser run is awaited with {@link Process#waitFor}, under a
 * timeout generous enough for a machine whose cores are taken.
 */
class HtmlReportChromiumTests {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 180;
    private static final List<String> FIXTURES = List.of("dev.junitperf.PerfTestExtensionTests$MetTestCases",
            "dev.junitperf.FlightRecordingTests$HotLoopTestCases", "dev.junitperf.PerfSweepExtensionTests$SweepTestCases",
            "dev.junitperf.LoadProfileExtensionTests$RampTestCases");

    @TempDir
    static Path dir;

    private static Path chromium;
    private static Path report;
    private static String source;

    @BeforeAll
    static void runRealPerfTests() throws IOException, ClassNotFoundException {
        Optional<Path> found = findChromium();
        Assumptions.assumeTrue(found.isPresent(), HtmlReportChromiumTests::whyNoChromium);
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
        Browser browser = run("--dump-dom", report);

        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        String dom = Files.readString(browser.output());
        assertThat(HtmlReportWriterTests.count(dom, "<svg class=\"chart spectrum\"")).isEqualTo(6);
        assertThat(HtmlReportWriterTests.count(dom, "<svg class=\"chart sweep\"")).isEqualTo(1);
        for (String tag : List.of("<article", "<tr", "<polyline", "<circle", "<text", "<rect", "<svg class=\"flame\"")) {
            assertThat(HtmlReportWriterTests.count(dom, tag)).as("%s elements the browser kept", tag)
                    .isEqualTo(HtmlReportWriterTests.count(source, tag));
        }
        assertThat(browser.stderr().lines()).as("Chromium console output (the page has no script, so it logs nothing)")
                .noneMatch(line -> line.contains("Uncaught"))
                .noneMatch(line -> line.contains(":CONSOLE"));
    }

    @Test
    void theScreenshotIsNotBlank() throws IOException, InterruptedException {
        Path png = dir.resolve("report.png");
        Browser browser = run("--screenshot=" + png, report);

        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decoded %s", png).isNotNull();
        Pixels pixels = Pixels.of(image);
        // A blank page is one colour: variance 0. Text, tables and charts on white give thousands; 100 leaves room
        // for any font the machine has.
        assertThat(pixels.variance()).as("luminance variance of a %dx%d screenshot", image.getWidth(), image.getHeight())
                .isGreaterThan(100);
        assertThat(pixels.inkShare()).as("share of pixels that are not background").isGreaterThan(0.02);
    }

    private Browser run(String action, Path page) throws IOException, InterruptedException {
        String name = action.replaceAll("\\W.*", "").replace("-", "") + action.hashCode();
        File out = dir.resolve(name + ".out").toFile();
        File err = dir.resolve(name + ".err").toFile();
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,2400", "--user-data-dir=" + dir.resolve("profile-" + name),
                "--enable-logging=stderr", "--v=0", action, page.toUri().toString())
                .redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err.toPath()));
        }
        return new Browser(process.exitValue(), out.toPath(), Files.readString(err.toPath()));
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

    /** Say why Chromium is missing here, when {@code .ci/run} would have installed it on a machine it can. */
    private static String whyNoChromium() {
        List<String> reasons = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            reasons.add("this user is not root");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            reasons.add("there is no apt-get");
        }
        return "Chromium not installed (neither /usr/bin/chromium nor any of " + BROWSERS + " on PATH); .ci/run installs "
                + "Debian's chromium where it runs as root with apt-get, but here "
                + (reasons.isEmpty() ? "it was not run first, or its install failed" : String.join(" and ", reasons));
    }

    private record Browser(int exitCode, Path output, String stderr) {
    }

    /** The luminance of a screenshot's pixels: how much it varies, and how much of it differs from the page's background. */
    private record Pixels(double variance, double inkShare) {

        static Pixels of(BufferedImage image) {
            int n = image.getWidth() * image.getHeight();
            double sum = 0;
            double squares = 0;
            int background = image.getRGB(0, 0);
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    double lum = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                    sum += lum;
                    squares += lum * lum;
                    ink += rgb == background ? 0 : 1;
                }
            }
            double mean = sum / n;
            return new Pixels(squares / n - mean * mean, (double) ink / n);
        }
    }
}
