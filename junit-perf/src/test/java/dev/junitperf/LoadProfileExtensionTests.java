package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

import dev.junitperf.internal.results.LoadResults;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;

/**
 * Show load profiles working: a burst raises latency and it falls after, per phase and per interval; a recovery
 * objective passes for a server with room to spare and fails for one that drains its backlog slowly; phase and
 * slowdown objectives fail for the right reason.
 *
 * <p>The "server" is a body that spins for a fixed wall time: 20 µs (capacity 50,000/s, a tenth of it used by the
 * burst) or 200 µs (capacity 5,000/s, half the burst's rate). The slow one must queue 2,000 invocations of the burst's
 * 4,000, 0.4 s of work, and drains it at 5,000 − 1,000 a second after it: recovery takes 0.5 s on a quiet machine,
 * and more beside busy neighbours, since the thread that loses the CPU between invocations serves fewer. The budget of 250 ms sits at half
 * that; the fast server never queues, so its first window after the burst is already back. Recovery is judged on
 * p90, not p99: the base phase's p99 of a 20 µs body can read 0.3 ms on a quiet machine and a 500 ms window's
 * 1-3 ms (five late invocations), with no queue at all, while a backlog moves every percentile.
 */
class LoadProfileExtensionTests {

    @TempDir
    Path reportDir;

    @Test
    void burstRaisesLatencyDuringItAndItFallsAfterItsBacklogHasDrained() throws IOException {
        String failure = failureOf(run(SlowDrainingTestCases.class));

        ResultsFile.Test test = PerfEngine.onlyTest(reportDir);
        List<LoadResults.Phase> phases = test.run().phases();
        assertThat(phases).extracting(LoadResults.Phase::name).containsExactly("base", "burst", "after");
        LoadResults.Phase base = phases.get(0);
        LoadResults.Phase burst = phases.get(1);
        assertThat(base.samples()).isEqualTo(500);
        assertThat(burst.samples()).isEqualTo(4_000);
        assertThat(phases.get(2).samples()).isEqualTo(3_500);
        assertThat(burst.latencyMs().p50()).as("burst median (queued) against the base median").isGreaterThan(10 * base.latencyMs().p50());

        LoadResults.Timeline timeline = test.run().timeline();
        int peak = argMax(timeline.p99Ms());
        assertThat(timeline.startMs()[peak]).as("the slowest interval starts during the burst or while its backlog drains")
                .isBetween(burst.startMs(), burst.endMs() + 2_500);
        double lastP50 = median(Arrays.copyOfRange(timeline.p50Ms(), timeline.size() - 5, timeline.size()));
        assertThat(lastP50).as("median of the last five intervals' p50").isLessThan(burst.latencyMs().p50() / 10);
        assertThat(timeline.startMs()).isSorted();
        assertThat(Arrays.stream(timeline.samples()).sum()).isEqualTo(8_000);

        // Beside busy neighbours the base phase's p99 is low while the slow drain's stays high, so the windows may
        // not come back at all in the 3.5 s the run has: "not recovered" is the same verdict, reached later.
        LoadResults.Recovery recovery = burst.recoveries().get(0);
        if (recovery.recoveredAfterMs() == null) {
            assertThat(failure).contains("recovery after burst: not recovered in the ");
        } else {
            assertThat(recovery.recoveredAfterMs()).as("recovery after the burst, ms").isGreaterThan(400);
            assertThat(failure).contains("recovery after burst = ");
        }
        assertThat(failure).contains("> budget 250.00 ms")
                .contains("p90 of the windows starting +0.00 s")
                .contains("phase \"burst\" p99 = ").contains("> budget 1.00 ms");

        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html).contains("<svg class=\"chart timeline\"").contains("<g class=\"band b1\"><title>burst 10,000/s</title>")
                .contains("<table class=\"phases\">")
                .contains(recovery.recoveredAfterMs() == null ? "ms: not within the " : "p90 back after");
    }

    /**
     * With junit-perf's noise re-measurement on (two retries), as a user's build has it: beside two CPU hogs a run once
     * had 29 % steal and 7.6 % CPU wait, a calm base phase (p90 25 µs) and preempted windows after the burst (p90
     * 0.6–1.6 ms), so it never "recovered"; such a run is noisy (above 10 %) and is measured again. With nothing else
     * running the host's own steal did the same twice in one evening (6.4 % and 8.6 % steal, 0.1–0.2 % CPU wait, window
     * p90s of 0.33–1.31 ms after the burst against a threshold of 0.18–0.23 ms), under the default threshold: a 20 µs
     * open loop's windows are that sensitive, so this test re-measures above 3 % noise. A server that does not recover
     * still fails every run (the slow-draining test above).
     */
    @Test
    void recoveryObjectivePassesForAServerWithRoomToSpare() {
        assertThat(run(FastTestCases.class, "junitperf.noise.retries", "2", "junitperf.noise.threshold", "0.03"))
                .hasSize(1).allSatisfy(e -> assertThat(status(e))
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));

        LoadResults.Phase burst = PerfEngine.onlyTest(reportDir).run().phases().get(1);
        LoadResults.Recovery recovery = burst.recoveries().get(0);
        assertThat(recovery.recoveredAfterMs()).isNotNull().isLessThanOrEqualTo(250);
        assertThat(recovery.baseline()).isEqualTo("base");
        assertThat(recovery.thresholdMs()).isCloseTo(3 * recovery.baselineMs(), within(1e-3));
        assertThat(burst.slo()).containsEntry("p99Ms", 50.0);
    }

    @Test
    void aPhaseThatGetsSlowerThanTheFirstBreachesItsSlowdownObjective() {
        String failure = failureOf(run(DegradingTestCases.class));

        assertThat(failure).containsPattern("phase \"last\" p50 = [0-9.]+ ms is [0-9.]+ % slower than phase \"first\" "
                + "\\(p50 [0-9.]+ ms\\) > allowed 50 % \\(n = 300 and 300\\)");
        LoadResults.Slowdown slowdown = PerfEngine.onlyTest(reportDir).run().phases().get(2).slowdown();
        assertThat(slowdown.comparedTo()).isEqualTo("first");
        assertThat(slowdown.pct()).isGreaterThan(100);
    }

    @Test
    void aRampStartsTheIntegralOfItsRate() {
        run(RampTestCases.class);

        List<LoadResults.Phase> phases = PerfEngine.onlyTest(reportDir).run().phases();
        assertThat(phases.get(0).samples()).isEqualTo(500);
        assertThat(phases.get(1).samples()).isEqualTo(250);
        assertThat(PerfEngine.onlyTest(reportDir).run().ratePerSec()).isCloseTo(750, within(1e-6));
    }

    /** Run without confirmation runs or progress lines; {@code keyValues} add configuration parameters. */
    private List<Event> run(Class<?> testCases, String... keyValues) {
        String[] config = Stream.concat(Stream.of("junitperf.confirm.runs", "0", "junitperf.progress", "false"),
                Stream.of(keyValues)).toArray(String[]::new);
        return PerfEngine.execute(testCases, reportDir, config).testEvents().finished().list();
    }

    private static String failureOf(List<Event> finished) {
        assertThat(finished).hasSize(1);
        TestExecutionResult result = finished.get(0).getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow().getMessage();
    }

    private static TestExecutionResult.Status status(Event e) {
        return e.getRequiredPayload(TestExecutionResult.class).getStatus();
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * 1,000/s for 0.5 s, a burst of 10,000/s for 0.4 s, 1,000/s for 3.5 s after it: room for the slow server to drain
     * even when it gets half the CPU (beside busy neighbours its backlog took 1.1 s and more, not 0.5 s).
     */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @LoadProfile({@Phase(name = "base", ratePerSec = 1_000, durationMs = 500),
        @Phase(name = "burst", ratePerSec = 10_000, durationMs = 400),
        @Phase(name = "after", ratePerSec = 1_000, durationMs = 3_500)})
    @interface Burst {
    }

    static class SlowDrainingTestCases {
        @PerfTest(warmupMs = 100)
        @Burst
        @PhaseSlo(phase = "burst", p99Ms = 1)
        @RecoverySlo(after = "burst", maxRecoveryMs = 250, percentile = 90, factor = 3)
        void serve() {
            PerfEngine.spin(200_000);
        }
    }

    static class FastTestCases {
        @PerfTest(warmupMs = 100)
        @Burst
        @PhaseSlo(phase = "burst", p99Ms = 50)
        @RecoverySlo(after = "burst", maxRecoveryMs = 250, percentile = 90, factor = 3)
        void serve() {
            PerfEngine.spin(20_000);
        }
    }

    /**
     * 20 µs for the first 300 invocations, then ten times that. The warmup is long enough for the JIT to finish with the
     * open loop's path: in a JVM that has run nothing else, a 50 ms warmup left the compiler threads competing with the
     * first phase (25-40 % CPU wait), whose corrected median then read within 50 % of the last's.
     */
    static class DegradingTestCases {
        @PerfTest(warmupMs = 500)
        @LoadProfile({@Phase(name = "first", ratePerSec = 1_000, durationMs = 300),
            @Phase(name = "middle", ratePerSec = 1_000, durationMs = 300),
            @Phase(name = "last", ratePerSec = 1_000, durationMs = 300)})
        @PhaseSlo(phase = "last", comparedTo = "first", maxSlowdownPct = 50)
        void serve(PerfContext ctx) {
            PerfEngine.spin(ctx.warmup() || ctx.invocation() <= 300 ? 20_000 : 200_000);
        }
    }

    static class RampTestCases {
        @PerfTest(warmupMs = 50)
        @LoadProfile({@Phase(name = "up", fromPerSec = 0, toPerSec = 2_000, durationMs = 500),
            @Phase(name = "down", fromPerSec = 1_000, toPerSec = 0, durationMs = 500)})
        void serve() {
            PerfEngine.spin(10_000);
        }
    }
}
