package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.junitperf.LoadProfile;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Phase;
import dev.junitperf.PhaseSlo;
import dev.junitperf.RecoverySlo;

/**
 * Prove that the burst and sustained-load objectives fail for the right reason: the same profiles and objectives (the
 * same constants) against deliberately broken agents, through the Jupiter engine, with confirmation runs off.
 *
 * <p>Both broken agents spin for a wall time, so what makes them fail does not depend on how fast or busy the machine
 * is: the slow-draining one needs 500 µs a message (2,000/s, under the burst's 5,000/s), so the burst leaves 3,000 asks
 * queued, 1.5 s of work, drained at 1,500/s after it: about 2 s to recover, twice the budget. The hoarding one keeps
 * every message (a 256-byte payload each, 3 MiB over the run, twelve times the retained budget) and spends 50 ns per
 * message it kept on each new one, so the last phase's asks take 0.4–0.6 ms against the first's 0–0.2 ms.
 */
class LoadSensitivityTests {

    @TempDir
    Path reportDir;

    @Test
    void anAgentThatDrainsItsQueueSlowlyBreachesTheRecoveryBudget() {
        assertThat(failureOf(SlowDrainingTestCases.class))
                .contains("SLO breached").contains("recovery after burst").contains("> budget 1,000.00 ms")
                .contains("phase \"burst\" p99 = ");
    }

    @Test
    void anAgentThatKeepsEveryMessageSlowsDownAndLeaks() {
        assertThat(failureOf(HoardingTestCases.class))
                .contains("SLO breached").containsPattern("phase \"last\" p50 = [0-9.,]+ ms is [0-9.,]+ % slower than "
                        + "phase \"first\"").containsPattern("retained [0-9,]+ B > budget 262,144 B");
    }

    private String failureOf(Class<?> testCases) {
        return SensitivityRuns.failureOf(testCases, reportDir);
    }

    /** Spin for {@code nanos} of wall time, so the work takes that long however busy the machine is. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** {@link BurstSloTests}' profile and objectives, against an echo agent that needs 500 µs a message. */
    static class SlowDrainingTestCases {
        private AgentSystem system;
        private AgentRef echo;

        @BeforeEach
        void start() {
            system = AgentSystem.create();
            echo = system.spawn(AgentSpec.of(() -> (message, context) -> {
                spin(500_000);
                context.reply(message);
            }));
        }

        @AfterEach
        void stop() {
            system.close();
        }

        @PerfTest(warmupMs = 300)
        @LoadProfile({
            @Phase(name = "base", ratePerSec = BurstSloTests.BASE_PER_SEC, durationMs = BurstSloTests.BASE_MS),
            @Phase(name = "burst", ratePerSec = BurstSloTests.BURST_PER_SEC, durationMs = BurstSloTests.BURST_MS),
            @Phase(name = "after", ratePerSec = BurstSloTests.BASE_PER_SEC, durationMs = BurstSloTests.AFTER_MS)})
        @PhaseSlo(phase = "burst", p99Ms = BurstSloTests.BURST_P99_MS)
        @RecoverySlo(after = "burst", maxRecoveryMs = BurstSloTests.MAX_RECOVERY_MS,
                percentile = BurstSloTests.RECOVERY_PERCENTILE, factor = BurstSloTests.FACTOR,
                windowMs = BurstSloTests.WINDOW_MS)
        void askBurstIsAbsorbedAndLatencyRecovers(PerfContext ctx) throws Exception {
            ctx.sink(echo.ask("ping", BurstSloTests.TIMEOUT).get());
        }
    }

    /** {@link SustainedLoadSloTests}' profile and objectives, against an agent that keeps and rescans every message. */
    static class HoardingTestCases {
        private final List<byte[]> hoard = new ArrayList<>();
        private AgentSystem system;
        private AgentRef echo;

        @BeforeEach
        void start() {
            system = AgentSystem.create();
            echo = system.spawn(AgentSpec.of(() -> (message, context) -> {
                spin(50L * hoard.size());
                hoard.add(new byte[256]);
                context.reply(message);
            }));
        }

        @AfterEach
        void stop() {
            system.close();
        }

        @PerfTest(warmupMs = 300)
        @LoadProfile({
            @Phase(name = "first", ratePerSec = SustainedLoadSloTests.RATE_PER_SEC, durationMs = SustainedLoadSloTests.PHASE_MS),
            @Phase(name = "middle", ratePerSec = SustainedLoadSloTests.RATE_PER_SEC, durationMs = SustainedLoadSloTests.PHASE_MS),
            @Phase(name = "last", ratePerSec = SustainedLoadSloTests.RATE_PER_SEC, durationMs = SustainedLoadSloTests.PHASE_MS)})
        @PhaseSlo(phase = "last", comparedTo = "first", maxSlowdownPct = SustainedLoadSloTests.MAX_SLOWDOWN_PCT)
        @MemoryBudget(maxRetainedBytes = SustainedLoadSloTests.MAX_RETAINED_BYTES)
        void sustainedAsksNeitherSlowDownNorLeak(PerfContext ctx) throws Exception {
            ctx.sink(echo.ask("ping", SustainedLoadSloTests.TIMEOUT).get());
        }
    }
}
