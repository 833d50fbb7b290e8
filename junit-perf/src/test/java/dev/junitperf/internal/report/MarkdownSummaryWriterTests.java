package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryWriterTests {

    @TempDir
    Path dir;

    @Test
    void summaryListsEveryTestWithBreachesFirst() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.passing("aPassing"), ReportFixtures.failed("zFailing"));
        List<String> lines = Files.readAllLines(dir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));

        assertThat(lines).contains("2 perf tests: 1 passed, 1 failed, 0 inconclusive.");
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && l.contains("ReportedTest › ")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("| ❌ FAILED | ReportedTest › zFailing() |").contains(ReportFixtures.BREACH.replace(">", "&gt;"));
        assertThat(rows.get(1)).startsWith("| ✅ PASSED | ReportedTest › aPassing() |");
    }

    @Test
    void markupInTestNamesAndMessagesReachesTheSummaryAsText() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.invocation("evil", 1, "<script>alert('x')</script>"),
                ReportFixtures.invocation("evil", 2, "<img src=x onerror=alert(1)> & <svg onload=alert(2)>"),
                ReportFixtures.invocation("evil", 3, "a | b\nc"));

        String summary = Files.readString(dir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));

        assertThat(summary).doesNotContainPattern("<(script|img|svg)").doesNotContain("<", ">")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;svg onload=alert(2)&gt;",
                        "a \\| b c");
        assertThat(summary.lines().filter(l -> l.contains("evil(int)"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(12));
    }

    @Test
    void summaryHasTheClockTheWallFiguresAndTheNoiseOfEveryTest() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.passing("onWall"), ReportFixtures.onCpuClock("onCpu"));
        String summary = Files.readString(dir.resolve(MarkdownSummaryWriter.SUMMARY_FILE));

        assertThat(summary).contains("| verdict | test | clock | samples | p50 | p99 | max | wall p50 / p99 |"
                + " throughput | noise | breaches |");
        assertThat(summary).containsPattern("\\| ReportedTest › onWall\\(\\) \\| wall \\| 500 \\| .* \\| \\(judged\\) \\| .* %");
        assertThat(summary).containsPattern("\\| ReportedTest › onCpu\\(\\) \\| cpu \\| 500 \\| .* \\| [0-9.]+ (ns|µs|ms) / [0-9.]+ (ns|µs|ms) \\| .* %");
    }
}
