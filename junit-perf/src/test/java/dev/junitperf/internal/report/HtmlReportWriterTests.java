package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.Perf;
import dev.junitperf.PerfClock;
import dev.junitperf.PerfResult;
import dev.junitperf.internal.results.ResultsFile;

class HtmlReportWriterTests {

    private static final Pattern POLYLINE = Pattern.compile("<polyline class=\"series [^\"]*\" points=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void reportIsOneSelfContainedPageWithASpectrumChartPerTest() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.passing("fast"), ReportFixtures.failed("slow"),
                ReportFixtures.openLoop("paced"));

        String html = Files.readString(dir.resolve(HtmlReportWriter.REPORT_FILE));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(count(html, "<svg class=\"chart spectrum\"")).isEqualTo(3);
        assertThat(spectrumPointCounts(html)).hasSize(3).allSatisfy(points -> assertThat(points).isGreaterThanOrEqualTo(10));
        for (String tag : List.of("html", "head", "body", "table", "tr", "article", "svg", "g", "ul", "p")) {
            assertThat(count(html, "<" + tag + ">") + count(html, "<" + tag + " "))
                    .as("<%s> opened and closed", tag).isEqualTo(count(html, "</" + tag + ">"));
        }
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)(@import|url\\()");
    }

    @Test
    void aRecordedBreachHasAFlameGraphReadableWithoutScriptInItsSection() {
        ResultsFile measured = ReportFixtures.aggregate(dir, ReportFixtures.failed("slow"), ReportFixtures.passing("fast"));
        ResultsFile results = ReportFixtures.withTests(measured, measured.tests().stream()
                .map(t -> t.method().equals("slow") ? ReportFixtures.profiled(t, ReportFixtures.profile(1_000, 3, 4)) : t).toList());

        String html = HtmlReportWriter.render(results);

        ResultsFile.Test slow = results.tests().stream().filter(t -> t.method().equals("slow")).findFirst().orElseThrow();
        String article = html.substring(html.indexOf("<article id=\"" + TestNames.anchor(slow.id()) + "\">"));
        article = article.substring(0, article.indexOf("</article>"));
        assertThat(article).contains("<section class=\"profile\" id=\"" + FlameGraph.anchor(slow.id()) + "\"><h4>"
                + FlameGraph.SECTION_TITLE + "</h4>", "<svg class=\"flame\"", ">Spin.hotLoop<",
                "<title>com.example.Spin.hotLoop — 500 samples, ", "Top frames by self time: Spin.hotLoop ");
        assertThat(count(html, "<svg class=\"flame\"")).isOne();
        assertThat(FlameGraph.svg(slow)).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<style>")
                .doesNotContain("<script");
    }

    @Test
    void failedRowsComeFirstAndCarryTheBreachMessage() {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.passing("aPassing"), ReportFixtures.failed("zFailing"));

        List<String> rows = summaryRows(HtmlReportWriter.render(results));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("FAILED", "ReportedTest › zFailing()", ReportFixtures.BREACH.replace(">", "&gt;"));
        assertThat(rows.get(1)).contains("PASSED", "ReportedTest › aPassing()").doesNotContain("budget");
    }

    @Test
    void displayNamesAndMessagesAreEscaped() {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.invocation("evil", 1, "<script>alert('x')</script> & \"q\""));

        String html = HtmlReportWriter.render(results);

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
                .doesNotContain("<script").doesNotContain("alert('x')");
    }

    @Test
    void baselineColumnShowsTheChangeWhenPresentAndADashOtherwise() {
        ResultsFile measured = ReportFixtures.aggregate(dir, ReportFixtures.passing("compared"), ReportFixtures.passing("fresh"));
        ResultsFile.BaselineComparison warn = new ResultsFile.BaselineComparison("WARN", 10, 25, List.of(
                new ResultsFile.Change("p50", 1.0, 3.24, List.of(1.0, 5.0), "OK"),
                new ResultsFile.Change("p99", 1.0, -1.0, List.of(-3.0, 1.0), "OK"),
                new ResultsFile.Change("mean", 1.0, 12.0, List.of(11.0, 13.0), "WARN")));
        ResultsFile results = ReportFixtures.withTests(measured, measured.tests().stream()
                .map(t -> t.method().equals("compared") ? ReportFixtures.withBaseline(t, warn) : t).toList());

        List<String> rows = summaryRows(HtmlReportWriter.render(results));

        assertThat(rows).filteredOn(r -> r.contains("compared()")).singleElement().asString()
                .contains("st-WARN", "p50&nbsp;+3.2&nbsp;%", "p99&nbsp;-1.0&nbsp;%", "mean&nbsp;+12.0&nbsp;%");
        assertThat(rows).filteredOn(r -> r.contains("fresh()")).singleElement().asString().contains("<td>—</td>");
    }

    @Test
    void numericSweepGetsACostVersusParameterChartOnALogAxis() {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.invocation("sized", 1, "[1] n = 10"),
                ReportFixtures.invocation("sized", 2, "[2] n = 1,000"), ReportFixtures.invocation("sized", 3, "[3] n = 100"));

        String html = HtmlReportWriter.render(results);

        assertThat(count(html, "<svg class=\"chart sweep\"")).isEqualTo(1);
        String sweep = html.substring(html.indexOf("<svg class=\"chart sweep\""), html.indexOf("</svg>", html.indexOf("chart sweep")));
        assertThat(sweep).contains("parameter (log scale)", ">10<", ">100<", ">1,000<");
        assertThat(count(sweep, "<circle class=\"dot s-p50\"")).isEqualTo(3);
        assertThat(count(sweep, "<circle class=\"dot s-p99\"")).isEqualTo(3);
    }

    @Test
    void sweepWithoutNumbersIsChartedInInvocationOrder() {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.invocation("named", 2, "[2] beta"),
                ReportFixtures.invocation("named", 1, "[1] alpha"));

        String html = HtmlReportWriter.render(results);

        String sweep = html.substring(html.indexOf("<svg class=\"chart sweep\""));
        assertThat(sweep).contains(">invocation<");
        assertThat(sweep.indexOf(">alpha<")).isPositive().isLessThan(sweep.indexOf(">beta<"));
    }

    @Test
    void sweepParameterIsTheFirstNumberAfterTheInvocationIndex() {
        assertThat(SweepCharts.parameter("[3] n = 1,000")).hasValue(1_000);
        assertThat(SweepCharts.parameter("[2] size=2_048, threads=4")).hasValue(2_048);
        assertThat(SweepCharts.parameter("[4] 1e6")).hasValue(1e6);
        assertThat(SweepCharts.parameter("[5] offset -3.5")).hasValue(-3.5);
        assertThat(SweepCharts.parameter("[1] fast path")).isEmpty();
    }

    @Test
    void everyTestSaysWhichClockWasJudgedAndShowsTheWallFiguresAndTheNoise() {
        String html = HtmlReportWriter.render(ReportFixtures.aggregate(dir, ReportFixtures.passing("onWall"),
                ReportFixtures.onCpuClock("onCpu")));

        assertThat(html).contains("<th>clock</th>", "<th>wall p50 / p99</th>", "<th>noise</th>")
                .contains("judged on the wall clock · noise: CPU wait ")
                .containsPattern("judged on the cpu clock · wall clock \\(not judged\\): p50 [0-9.]+ (ns|µs|ms) / p99 [0-9.]+ (ns|µs|ms) / max [0-9.,]+ (ns|µs|ms|s)")
                .contains("timer cost subtracted: ", "stopped: iterations reached");
    }

    @Test
    void measurementNotesAreListedWithTheirTest() {
        String html = HtmlReportWriter.render(ReportFixtures.aggregate(dir, ReportFixtures.passing("cold")));

        assertThat(html).contains("<ul class=\"notes\"><li>", "<li>not warmed up: the body was measured cold");
    }

    @Test
    void openLoopChartSaysItIsCorrectedForCoordinatedOmission() {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.openLoop("paced"));

        String html = HtmlReportWriter.render(results);

        assertThat(html).contains("corrected for coordinated omission", "Uncorrected service time: p50 ");
    }

    @Test
    void spectrumIsCappedAndEndsAtTheSlowestSample() {
        Histogram h = ReportFixtures.histogram(1_000_000_000_000L, 100);

        double[][] points = PercentileSpectrum.points(h);

        assertThat(points[0]).hasSizeLessThanOrEqualTo(PercentileSpectrum.MAX_POINTS).hasSizeGreaterThan(50);
        assertThat(points[0]).isSorted();
        assertThat(points[0][points[0].length - 1]).isEqualTo(1e12);
        assertThat(points[1][points[1].length - 1]).isEqualTo(h.getMaxValue() / 1e6, within(0.01));
    }

    @Test
    void hundredBreachedTestsOfTenMillionSamplesWithFlameGraphsRenderInAHundredMillisecondsOfCpuAndTwoMegabytes(
            TestReporter reporter) {
        ResultsFile scaled = ReportFixtures.scaledUp(ReportFixtures.aggregate(dir, ReportFixtures.failed("template")), 100,
                10_000_000);
        // Every test breached and recorded, each profile far deeper and wider than a graph draws (300 frames).
        ResultsFile results = ReportFixtures.withTests(scaled, scaled.tests().stream()
                .map(t -> ReportFixtures.profiled(t, ReportFixtures.profile(100_000, 10, 30))).toList());
        int size = HtmlReportWriter.render(results).getBytes(StandardCharsets.UTF_8).length;

        PerfResult rendering = Perf.measure(ctx -> ctx.sink(HtmlReportWriter.render(results))).named("render report.html")
                .warmupIterations(30).warmupMs(0).iterations(30).batching(false).clock(PerfClock.CPU).run();

        double medianMs = rendering.p50Ms();
        double fastestMs = rendering.minMs();
        reporter.publishEntry("junitperf.report.renderMs", String.format(Locale.ROOT, "%.1f", medianMs));
        reporter.publishEntry("junitperf.report.bytes", Integer.toString(size));
        System.out.printf(Locale.ROOT, "report.html of 100 breached tests with flame graphs: %,d bytes; CPU time of 30 renders "
                + "after 30 warmups: fastest %.1f ms, median %.1f ms, p90 %.1f ms%n", size, fastestMs, medianMs,
                rendering.latency().percentileMs(90));
        // Judged on the rendering thread's CPU time, which a neighbour taking the cores stretches less than wall time,
        // but not to nothing on this 2-core VM (shared caches, steal). The budget is 100 ms, asserted on the fastest of 30
        // renders (the render's own cost): it read 34–59 ms with the machine otherwise idle and 46–51 ms beside two CPU
        // hogs (median 49–67 and 64–94 ms). The median gets a collapse guard of twice the budget.
        assertThat(fastestMs).as("fastest CPU time of 30 renders, in ms").isLessThanOrEqualTo(100);
        assertThat(medianMs).as("median CPU time of 30 renders, in ms").isLessThanOrEqualTo(200);
        assertThat(size).as("report.html bytes").isLessThanOrEqualTo(2 * 1024 * 1024);
        String html = HtmlReportWriter.render(results);
        assertThat(count(html, "<svg class=\"chart spectrum\"")).isEqualTo(100);
        assertThat(count(html, "<svg class=\"flame\"")).isEqualTo(100);
        assertThat(count(html, "<rect ")).isEqualTo(100 * FlameGraph.MAX_FRAMES);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static List<Integer> spectrumPointCounts(String html) {
        List<Integer> counts = new ArrayList<>();
        Matcher m = POLYLINE.matcher(html);
        while (m.find()) {
            counts.add(m.group(1).trim().isEmpty() ? 0 : m.group(1).trim().split(" ").length);
        }
        return counts;
    }

    private static List<String> summaryRows(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        return List.of(body.split("\n")).stream().filter(r -> r.startsWith("<tr")).toList();
    }
}
