package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.internal.report.BenchmarkActionWriter;
import dev.junitperf.internal.report.ConsoleSummary;
import dev.junitperf.internal.report.HtmlReportWriter;
import dev.junitperf.internal.report.MarkdownSummaryWriter;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;
import dev.junitperf.testing.PerfEngine;

class PerfSweepExtensionTests {

    @TempDir
    Path reportDir;

    @Test
    void eachParameterizedInvocationIsMeasuredAndJudgedSeparately() {
        PerfEngine.execute(SweepTestCases.class, reportDir).testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(1));

        List<ResultsFile.Test> tests = results().tests();
        assertThat(tests).hasSize(3);
        assertThat(tests.stream().map(ResultsFile.Test::displayName))
                .containsExactlyInAnyOrder("n = 1", "n = 10", "n = 1000");
        ResultsFile.Test largest = tests.stream()
                .filter(t -> t.displayName().equals("n = 1000")).findFirst().orElseThrow();
        assertThat(largest.verdict().name()).isEqualTo("FAILED");
        assertThat(largest.run().latencyMs().p50()).isGreaterThan(0.5);
    }

    @Test
    void threadsShareTheIterationsAndEachHasItsOwnContext() {
        MultiThreadTestCases.seen.clear();
        PerfEngine.execute(MultiThreadTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(MultiThreadTestCases.seen).containsExactlyInAnyOrder(0, 1, 2, 3);
        ResultsFile.Test test = results().tests().get(0);
        assertThat(test.run().samples()).isEqualTo(4_000);
        assertThat(test.run().threads()).isEqualTo(4);
    }

    @Test
    void openLoopCorrectsCoordinatedOmissionAndReportsBothFigures() {
        PerfEngine.execute(OpenLoopTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        ResultsFile.Test test = results().tests().get(0);
        double corrected = test.run().latencyMs().p99();
        double raw = test.run().uncorrectedLatencyMs().p99();
        // One 60 ms stall delays every invocation scheduled during it: at 1,000/s about 60 of 600.
        assertThat(corrected).isGreaterThan(10);
        assertThat(raw).isLessThan(corrected / 4);
        assertThat(test.run().samples()).isEqualTo(600);
        // An open loop never runs ahead of its rate (600 starts take at least 0.6 s); a busy machine only slows it.
        assertThat(test.run().throughputPerSec()).isBetween(300.0, 1_010.0);
    }

    @Test
    void twoSweepsOverTheSameParametersInANestedClassAreNamedApartInEveryReport() throws IOException {
        PerfEngine.execute(SortingTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(4));

        String bubble = "PerfSweepExtensionTests$SortingTestCases › Sorting › bubble(int, PerfContext)";
        String insertion = "PerfSweepExtensionTests$SortingTestCases › Sorting › insertion(int, PerfContext)";
        assertThat(results().tests()).extracting(ResultsFile.Test::testName).containsExactlyInAnyOrder(
                bubble + " › n = 10", bubble + " › n = 100", insertion + " › n = 10", insertion + " › n = 100");

        List<String> rows = Files.readAllLines(reportDir.resolve(MarkdownSummaryWriter.SUMMARY_FILE)).stream()
                .filter(l -> l.startsWith("| ✅")).toList();
        assertThat(rows).hasSize(4).anySatisfy(r -> assertThat(r).contains("| " + bubble + " › n = 10 |"))
                .anySatisfy(r -> assertThat(r).contains("| " + insertion + " › n = 10 |"));

        String html = Files.readString(reportDir.resolve(HtmlReportWriter.REPORT_FILE));
        assertThat(html).contains("<h3>" + bubble + "</h3><svg class=\"chart sweep\"",
                "<h3>" + insertion + "</h3><svg class=\"chart sweep\"");

        JsonNode entries = ResultsStore.tree(reportDir.resolve(BenchmarkActionWriter.BENCHMARK_FILE));
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("name").asText()));
        String prefix = SortingTestCases.Sorting.class.getName() + ".";
        assertThat(names).doesNotHaveDuplicates().contains(prefix + "bubble(int, PerfContext) n = 10 p50",
                prefix + "insertion(int, PerfContext) n = 10 p50", prefix + "bubble(int, PerfContext) n = 100 p99");

        assertThat(ConsoleSummary.render(results())).contains(bubble + " › n = 10 ", insertion + " › n = 100 ");
    }

    private ResultsFile results() {
        return PerfEngine.results(reportDir);
    }

    /** n µs of CPU time, judged on the CPU clock: a preempted 10 µs invocation still reads 10 µs. */
    static class SweepTestCases {
        @ParameterizedTest(name = "n = {0}")
        @ValueSource(ints = {1, 10, 1000})
        @PerfSweep(iterations = 300, warmupMs = 0, clock = PerfClock.CPU)
        @Slo(p99Ms = 0.5)
        void costGrowsWithN(int n, PerfContext ctx) {
            CpuWork.spinCpu(n * 1_000L);
            ctx.sink(n);
        }
    }

    /** Two methods swept over the same parameters, in a nested class: four tests that must never share a name. */
    static class SortingTestCases {
        @Nested
        class Sorting {
            @ParameterizedTest(name = "n = {0}")
            @ValueSource(ints = {10, 100})
            @PerfSweep(iterations = 100, warmupMs = 0)
            void bubble(int n, PerfContext ctx) {
                ctx.sink(n * n);
            }

            @ParameterizedTest(name = "n = {0}")
            @ValueSource(ints = {10, 100})
            @PerfSweep(iterations = 100, warmupMs = 0)
            void insertion(int n, PerfContext ctx) {
                ctx.sink(n + n);
            }
        }
    }

    static class MultiThreadTestCases {
        static final Set<Integer> seen = ConcurrentHashMap.newKeySet();

        @PerfTest(iterations = 4_000, threads = 4, warmupMs = 0)
        void concurrentCallers(PerfContext ctx) {
            seen.add(ctx.threadIndex());
            ctx.sink(ctx.threads());
        }
    }

    static class OpenLoopTestCases {
        @PerfTest(iterations = 600, ratePerSec = 1_000, warmupMs = 0)
        void stallsOnce(PerfContext ctx) {
            if (ctx.invocation() == 300) {
                PerfEngine.spin(60_000_000);
            }
        }
    }
}
