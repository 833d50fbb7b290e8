package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.PerfEngine;

/**
 * A run longer than {@code junitperf.progress.everyMs} prints a live line that often; a shorter one prints none, and
 * {@code junitperf.progress=false} none at all. The lines here come every 300 ms, so the checks stay short.
 */
class ProgressTests {

    private static final String LINE = "\\[junit-perf] ProgressTestCases\\.%s\\(\\): \\d\\.\\d s of 1\\.2 s · [\\d,]+ samples"
            + " · since \\d\\.\\d s: p50 [\\d.]+ ms, p99 [\\d.]+ ms%s";

    @TempDir
    Path reportDir;

    @Test
    void aLongRunPrintsItsElapsedTimeSamplesAndCurrentPercentiles() {
        List<String> lines = progressLines(ProgressTestCases.class, "junitperf.progress.everyMs", "300");

        assertThat(lines).filteredOn(l -> l.contains("steady()")).hasSizeBetween(2, 4)
                .allSatisfy(l -> assertThat(l).matches(String.format(LINE, "steady", "")));
        assertThat(lines).filteredOn(l -> l.contains("profile()")).hasSizeBetween(2, 4)
                .allSatisfy(l -> assertThat(l).matches(String.format(LINE, "profile", " · phase \"(warm|hot)\" at [\\d,]+(→[\\d,]+)?/s")));
        assertThat(lines).filteredOn(l -> l.contains("shortOne()")).as("a run shorter than a line's period").isEmpty();
    }

    @Test
    void aClosedLoopSaysWhereItsLiveFiguresAre() {
        List<String> lines = progressLines(ClosedLoopTestCases.class, "junitperf.progress.everyMs", "300");

        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l)
                .matches("\\[junit-perf] ClosedLoopTestCases\\.spin\\(\\): \\d\\.\\d s of 1\\.0 s · live figures need "
                        + "junitperf\\.intervals=all"));
        assertThat(progressLines(ClosedLoopTestCases.class, "junitperf.progress.everyMs", "300", "junitperf.intervals", "all"))
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains(" samples · since "));
    }

    @Test
    void progressIsOffWithTheParameter() {
        assertThat(progressLines(ProgressTestCases.class, "junitperf.progress.everyMs", "300", "junitperf.progress", "false"))
                .isEmpty();
    }

    private List<String> progressLines(Class<?> testCases, String... keyValues) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            PerfEngine.execute(testCases, reportDir, keyValues).testEvents().assertStatistics(s -> s.failed(0));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[junit-perf]") && l.contains(" s · "))
                .toList();
    }

    static class ProgressTestCases {
        @PerfTest(ratePerSec = 2_000, durationMs = 1_200, warmupMs = 20)
        void steady(PerfContext ctx) {
            ctx.sink(Math.sqrt(ctx.invocation()));
        }

        @PerfTest(warmupMs = 20)
        @LoadProfile({@Phase(name = "warm", ratePerSec = 1_000, durationMs = 600),
            @Phase(name = "hot", fromPerSec = 1_000, toPerSec = 4_000, durationMs = 600)})
        void profile(PerfContext ctx) {
            ctx.sink(Math.sqrt(ctx.invocation()));
        }

        @PerfTest(ratePerSec = 2_000, durationMs = 200, warmupMs = 20)
        void shortOne(PerfContext ctx) {
            ctx.sink(Math.sqrt(ctx.invocation()));
        }
    }

    static class ClosedLoopTestCases {
        @PerfTest(durationMs = 1_000, warmupMs = 20)
        void spin() {
            PerfEngine.spin(50_000);
        }
    }
}
