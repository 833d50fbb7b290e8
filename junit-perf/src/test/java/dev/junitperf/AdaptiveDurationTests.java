package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;



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

        ResultsFile.Test test = onlyTest();
        assertThat(test.run().stopReason()).isEqualTo("EARLY_CLEAR");
        assertThat(test.run().stopDetail()).isEqualTo("every objective's 95 % CI was clear of its budget at 0.25× durationMs");
        assertThat(test.run().durationMs()).isBetween(400.0, 1_000.0);
    }

    @Test
    void intervalStraddlingItsBudgetExtendsTheRunToItsLimit() {
        PerfEngine.execute(StraddlingTestCases.class, reportDir, "junitperf.mode", "report").testEvents()
                .assertStatistics(s -> s.succeeded(1));

        ResultsFile.Test test = onlyTest();
        assertThat(test.run().stopReason()).isEqualTo("EXTENSION_LIMIT");
        assertThat(test.run().stopDetail()).contains("3.00× durationMs").contains("p50");
        assertThat(test.run().durationMs()).isBetween(590.0, 700.0);
        assertThat(test.run().batchSize()).isEqualTo(1);
    }

    @Test
    void maxObjectiveForbidsStoppingEarly() {
        PerfEngine.execute(MaxObjectiveTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().run().stopReason()).isEqualTo("DURATION");
        assertThat(onlyTest().run().durationMs()).isGreaterThanOrEqualTo(300.0);
    }

    @Test
    void adaptiveDurationCanBeTurnedOff() {
        PerfEngine.execute(ClearPassTestCases.class, reportDir, "junitperf.duration.adaptive", "false").testEvents()
                .assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().run().stopReason()).isEqualTo("DURATION");
        assertThat(onlyTest().run().durationMs()).isGreaterThanOrEqualTo(2_000.0);
    }

    @Test
    void fixedCountIsMeasuredExactly() {
        PerfEngine.execute(FixedCountTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(onlyTest().run().stopReason()).isEqualTo("ITERATIONS");
        assertThat(onlyTest().run().samples()).isEqualTo(777);
    }

    private ResultsFile.Test onlyTest() {
        return PerfEngine.onlyTest(reportDir);
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
