package dev.agentruntime.slo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/** Spawning agents and registering them with their capabilities. */
class SpawnSloTests {

    private static final AgentSpec WORKER = Agents.IDLE.withCapabilities("worker", "search");

    private AgentSystem system;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @PerfTest(iterations = 20_000, warmupIterations = 5_000)
    @Slo(p50Ms = 0.0011, p99Ms = 0.02)
    void spawnAndRegisterOne(PerfContext ctx) {
        ctx.sink(system.spawn(WORKER));
    }

    @PerfTest(iterations = 300, warmupIterations = 50)
    @Slo(p50Ms = 0.1, p99Ms = 10)
    void spawnAndRegisterBulkOfHundred(PerfContext ctx) {
        for (int i = 0; i < 100; i++) {
            ctx.sink(system.spawn(WORKER));
        }
    }

    @PerfTest(iterations = 20_000, warmupIterations = 2_500, threads = 2)
    @Slo(p50Ms = 0.0016, p99Ms = 0.05)
    void spawnAndRegisterFromTwoThreads(PerfContext ctx) {
        ctx.sink(system.spawn(WORKER));
    }

    @PerfTest(iterations = 20_000, warmupIterations = 5_000)
    @Slo(p50Ms = 0.0015, p99Ms = 0.1)
    @MemoryBudget(maxRetainedBytesPerOp = 64)
    void spawnStopCyclesRetainNothing(PerfContext ctx) {
        AgentRef agent = system.spawn(WORKER);
        ctx.sink(system.stop(agent));
    }

    @PerfTest(iterations = 20_000, warmupIterations = 1_000)
    @MemoryBudget(maxRetainedBytesPerOp = 1_024)
    void retainedHeapPerIdleAgent(PerfContext ctx) {
        ctx.sink(system.spawn(WORKER));
    }

    /**
     * Show how spawn + stop cost grows with N (the report's cost-vs-N chart).
     *
     * <p>On a quiet machine it is linear, about 0.5 µs per agent (100: 35–53 µs, 10,000: 4.5–5.2 ms), but
     * the 10,000-agent case spreads to 17–130 ms under load (GC and preemption), so the budget, set at
     * the largest N, guards against collapse; the per-agent objectives above carry the tight budgets.
     */
    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {100, 1_000, 10_000})
    @PerfSweep(iterations = 30, warmupIterations = 3)
    @Slo(p90Ms = 500)
    void spawnAndStopNAgents(int agents, PerfContext ctx) {
        AgentRef[] refs = new AgentRef[agents];
        for (int i = 0; i < agents; i++) {
            refs[i] = system.spawn(WORKER);
        }
        for (AgentRef ref : refs) {
            system.stop(ref);
        }
        ctx.sink(refs[agents - 1]);
    }
}
