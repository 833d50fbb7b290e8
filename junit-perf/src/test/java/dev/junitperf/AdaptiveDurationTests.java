package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.report.JsonResultsWriter;

/**
 * Time-based runs stop early once every interval is clear of its budget and go on while one straddles it.
 *
 * <p>The bodies are CPU work judged on the CPU clock, so what the intervals say does not depend on how
 * busy the machine is.
 */
class AdaptiveDurationTests {

    @TempDir
    Path reportDir;

    @Test
    void clearPassStopsAtTheFirstCheckpoint() {
        PerfEngine.execute(ClearPassTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        JsonNode test = onlyTest();
        assertThat(test.get("stopReason").asText()).isEqualTo("EARLY_CLEAR");
        assertThat(test.get("stopDetail").asText()).isEqualTo("every objective's 95 % CI was clear of its budget at 0.25× durationMs");
        assertThat(test.get("durationMs").asDouble()).isBetween(400.0, 1_000.0);
    }

    @Test
    void intervalStraddlingItsBudgetExtendsTheRunToItsLimit() {
        PerfEngine.execute(StraddlingTestCases.class, reportDir, "junitperf.mode", "report").testEvents()
                .assertStatistics(s -> s.succeeded(1));

        JsonNode test = onlyTest();
        assertThat(test.get("stopReason").asText()).isEqualTo("EXTENSION_LIMIT");
        assertThat(test.get("stopDetail").asText()).contains("3.00× durationMs").contains("p50");
        assertThat(test.get("durationMs").asDouble()).isBetween(590.0, 700.0);
        assertThat(test.get("batchSize").asInt()).isEqualTo(1);
    }

    @Test
    void maxObjectiveForbidsStoppingEarly() {
        PerfEngine.execute(MaxObjectiveTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().get("stopReason").asText()).isEqualTo("DURATION");
        assertThat(onlyTest().get("durationMs").asDouble()).isGreaterThanOrEqualTo(300.0);
    }

    @Test
    void adaptiveDurationCanBeTurnedOff() {
        PerfEngine.execute(ClearPassTestCases.class, reportDir, "junitperf.duration.adaptive", "false").testEvents()
                .assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().get("stopReason").asText()).isEqualTo("DURATION");
        assertThat(onlyTest().get("durationMs").asDouble()).isGreaterThanOrEqualTo(2_000.0);
    }

    @Test
    void fixedCountIsMeasuredExactly() {
        PerfEngine.execute(FixedCountTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().get("stopReason").asText()).isEqualTo("ITERATIONS");
        assertThat(onlyTest().get("samples").asLong()).isEqualTo(777);
    }

    private JsonNode onlyTest() {
        JsonNode tests = new JsonResultsWriter(reportDir).read(reportDir.resolve(JsonResultsWriter.RESULTS_FILE)).get("tests");
        assertThat(tests).hasSize(1);
        return tests.get(0);
    }

    static class ClearPassTestCases {
        @PerfTest(durationMs = 2_000, clock = PerfClock.CPU)
        @Slo(p50Ms = 100, p99Ms = 100)
        void work() {
            CpuWork.run(CpuWork.unitsFor(0.02));
        }
    }

    /**
     * Half the invocations take 50 µs and half 150 µs of CPU: the median sits on the budget and never clears it.
     *
     * <p>Both are long enough to be timed one by one; in batches every timing would be the same 100 µs mean.
     */
    static class StraddlingTestCases {
        @PerfTest(durationMs = 200, clock = PerfClock.CPU)
        @Slo(p50Ms = 0.1)
        void work(PerfContext ctx) {
            CpuWork.spinCpu(ctx.invocation() % 2 == 0 ? 50_000 : 150_000);
        }
    }

    static class MaxObjectiveTestCases {
        @PerfTest(durationMs = 300, clock = PerfClock.CPU)
        @Slo(p50Ms = 100, maxMs = 1_000)
        void work() {
            CpuWork.run(CpuWork.unitsFor(0.02));
        }
    }

    static class FixedCountTestCases {
        @PerfTest(iterations = 777, clock = PerfClock.CPU)
        @Slo(p50Ms = 100, p99Ms = 100)
        void work() {
            CpuWork.run(CpuWork.unitsFor(0.02));
        }
    }
}
