package dev.junitperf.testing;

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

/**
 * Load a page in headless Chromium and return what the browser made of it: the DOM it kept, a screenshot, and every
 * line it logged. Used by junit-perf's own report tests and by the SLO suite's check of its report (through the
 * {@code tests} jar of junit-perf).
 *
 * <p>Chromium logs every console message, {@code console.error} and uncaught exceptions included, at INFO level as
 * {@code INFO:CONSOLE:<line>}, so {@link Run#consoleLines()} holds any console line, not only those saying ERROR.
 * {@code .ci/run} installs Debian's {@code chromium} where it runs as root with apt; elsewhere {@link #find()} is empty
 * and {@link #whyMissing()} says why. Nothing waits on a clock: each browser run is awaited with
 * {@link Process#waitFor}, under a timeout generous enough for a machine whose cores are taken.
 */
public final class HeadlessChromium {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;
    private final Path workDir;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** Return a browser that keeps its profiles and output under {@code workDir}, when Chromium is installed. */
    public static Optional<HeadlessChromium> find(Path workDir) {
        Path standard = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(standard)) {
            return Optional.of(new HeadlessChromium(standard, workDir));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank())
                .flatMap(p -> BROWSERS.stream().map(name -> Path.of(p, name)))
                .filter(Files::isExecutable).findFirst().map(p -> new HeadlessChromium(p, workDir));
    }

    /** Say why Chromium is missing here, when {@code .ci/run} would have installed it on a machine it can. */
    public static String whyMissing() {
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

    /** Load {@code page} and return the DOM the browser kept ({@code --dump-dom}). */
    public Run dumpDom(Path page) throws IOException, InterruptedException {
        return run("dom", "--dump-dom", page);
    }

    /** Load {@code page} and write a screenshot of its first 1280 × 2400 pixels to {@code png}. */
    public Run screenshot(Path page, Path png) throws IOException, InterruptedException {
        return run("screenshot", "--screenshot=" + png, page);
    }

    /**
     * Screenshot {@code page} into {@code png} and assert it is not blank; return its pixels. A blank page is one colour:
     * luminance variance 0 and no ink. Text, tables and charts on white give a variance in the thousands; 100 leaves
     * room for any font the machine has.
     */
    public Pixels assertScreenshotNotBlank(Path page, Path png) throws IOException, InterruptedException {
        Run browser = screenshot(page, png);
        assertThat(browser.exitCode()).as("Chromium exit code; stderr:%n%s", browser.stderr()).isZero();
        Pixels pixels = Pixels.of(png);
        assertThat(pixels.variance()).as("luminance variance of the %dx%d screenshot %s", pixels.width(), pixels.height(), png)
                .isGreaterThan(100);
        assertThat(pixels.inkShare()).as("share of the screenshot's pixels that are not background").isGreaterThan(0.02);
        return pixels;
    }

    private Run run(String name, String action, Path page) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-" + name + "-");
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,2400", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0", action, page.toUri().toString())
                .redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n"
                    + Files.readString(err.toPath()));
        }
        return new Run(process.exitValue(), out.toPath(), Files.readString(err.toPath()));
    }

    /**
     * One browser run.
     *
     * @param exitCode Chromium's exit code
     * @param output what it wrote to standard output (the DOM, for {@link #dumpDom})
     * @param stderr everything it logged
     */
    public record Run(int exitCode, Path output, String stderr) {

        /** Return the lines the page logged to its console, and any uncaught error. */
        public List<String> consoleLines() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
        }
    }

    /**
     * The luminance of a screenshot's pixels: how much it varies, and what share differs from the page's background
     * (the top-left pixel). A blank page is one colour: variance 0, share 0.
     *
     * @param width the screenshot's width
     * @param height its height
     * @param variance the variance of its pixels' luminance
     * @param inkShare the share of its pixels whose colour is not the background's
     */
    public record Pixels(int width, int height, double variance, double inkShare) {

        /** Read a PNG screenshot. */
        public static Pixels of(Path png) throws IOException {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new AssertionError("not an image Java can decode: " + png);
            }
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
            return new Pixels(image.getWidth(), image.getHeight(), squares / n - mean * mean, (double) ink / n);
        }
    }
}
