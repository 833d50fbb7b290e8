package dev.agentruntime.slo;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSystem;
import dev.junitperf.LoadProfile;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Phase;
import dev.junitperf.PhaseSlo;

/**
 * A sustained run of asks: its last window must not be slower than its first, and the heap must not grow.
 *
 * <p>Caxton's target: a sustained run shows less than 5 % degradation and no leak. Here the run is short (6 s at
 * {@value #RATE_PER_SEC} asks/s, 12,000 asks) and split into three phases of the same rate, so the last two seconds
 * are judged against the first two in the same run: the last phase's median may exceed the first's by at most
 * {@value #MAX_SLOWDOWN_PCT} %, and the heap after full GCs at the end may exceed the heap before warmup by at most
 * {@value #MAX_RETAINED_BYTES} bytes (about {@value #RETAINED_BYTES_PER_ASK} bytes per ask: a leak of one small
 * object per ask fails it). Both are same-run, relative figures, so a slower machine or steady neighbours move both
 * windows alike; {@code LoadSensitivityTests} shows an agent that keeps every message, and scans what it kept, failing
 * both.
 */
class SustainedLoadSloTests {

    static final int RATE_PER_SEC = 2_000;
    static final int PHASE_MS = 2_000;
    static final double MAX_SLOWDOWN_PCT = 50;
    static final long MAX_RETAINED_BYTES = 256 * 1024;
    static final long RETAINED_BYTES_PER_ASK = MAX_RETAINED_BYTES / (3L * RATE_PER_SEC * PHASE_MS / 1_000);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Object PING = "ping";

    private AgentSystem system;
    private AgentRef echo;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
        echo = system.spawn(Agents.ECHO);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    /** 2,000 asks/s for 6 s: the last 2 s no slower than the first 2 s by more than half, and no retained growth. */
    @PerfTest(warmupMs = 300)
    @LoadProfile({
        @Phase(name = "first", ratePerSec = RATE_PER_SEC, durationMs = PHASE_MS),
        @Phase(name = "middle", ratePerSec = RATE_PER_SEC, durationMs = PHASE_MS),
        @Phase(name = "last", ratePerSec = RATE_PER_SEC, durationMs = PHASE_MS)})
    @PhaseSlo(phase = "last", comparedTo = "first", maxSlowdownPct = MAX_SLOWDOWN_PCT)
    @MemoryBudget(maxRetainedBytes = MAX_RETAINED_BYTES)
    void sustainedAsksNeitherSlowDownNorLeak(PerfContext ctx) throws Exception {
        ctx.sink(echo.ask(PING, TIMEOUT).get());
    }
}
