package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.report.JsonResultsWriter;

class PerfSweepExtensionTests {

    @TempDir
    Path reportDir;

    @Test
    void eachParameterizedInvocationIsMeasuredAndJudgedSeparately() {
        PerfEngine.execute(SweepTestCases.class, reportDir).testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(1));

        JsonNode tests = results().get("tests");
        assertThat(tests).hasSize(3);
        assertThat(StreamSupport.stream(tests.spliterator(), false).map(t -> t.get("displayName").asText()))
                .containsExactlyInAnyOrder("n = 1", "n = 10", "n = 1000");
        JsonNode largest = StreamSupport.stream(tests.spliterator(), false)
                .filter(t -> t.get("displayName").asText().equals("n = 1000")).findFirst().orElseThrow();
        assertThat(largest.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(largest.get("latencyMs").get("p50").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void threadsShareTheIterationsAndEachHasItsOwnContext() {
        MultiThreadTestCases.seen.clear();
        PerfEngine.execute(MultiThreadTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(MultiThreadTestCases.seen).containsExactlyInAnyOrder(0, 1, 2, 3);
        JsonNode test = results().get("tests").get(0);
        assertThat(test.get("samples").asLong()).isEqualTo(4_000);
        assertThat(test.get("threads").asInt()).isEqualTo(4);
    }

    @Test
    void openLoopCorrectsCoordinatedOmissionAndReportsBothFigures() {
        PerfEngine.execute(OpenLoopTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        JsonNode test = results().get("tests").get(0);
        double corrected = test.get("latencyMs").get("p99").asDouble();
        double raw = test.get("uncorrectedLatencyMs").get("p99").asDouble();
        // One 60 ms stall delays every invocation scheduled during it: at 1,000/s about 60 of 600.
        assertThat(corrected).isGreaterThan(10);
        assertThat(raw).isLessThan(corrected / 4);
        assertThat(test.get("samples").asLong()).isEqualTo(600);
        // An open loop never runs ahead of its rate (600 starts take at least 0.6 s); a busy machine only slows it.
        assertThat(test.get("throughputPerSec").asDouble()).isBetween(300.0, 1_010.0);
    }

    private JsonNode results() {
        return new JsonResultsWriter(reportDir).read(reportDir.resolve(JsonResultsWriter.RESULTS_FILE));
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
