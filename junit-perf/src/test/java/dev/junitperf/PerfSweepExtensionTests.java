package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.junitperf.internal.results.ResultsFile;
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
