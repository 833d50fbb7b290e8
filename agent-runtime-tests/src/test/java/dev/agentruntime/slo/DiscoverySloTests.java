package dev.agentruntime.slo;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentruntime.AgentQuery;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.Health;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfSweep;
import dev.junitperf.Slo;

/**
 * Discovery queries with 1,000 and 10,000 agents registered.
 *
 * <p>Agent i has capability {@code cap-(i % 100)}, metadata {@code region = r(i % 10)}, and every
 * tenth agent is degraded, so each query has a known number of matches that grows with N.
 */
class DiscoverySloTests {

    private static final AgentQuery BY_CAPABILITY = AgentQuery.withCapabilities("cap-7");
    private static final AgentQuery BY_METADATA = AgentQuery.withCapabilities("cap-7").andMetadata("region", "r7");
    private static final AgentQuery BY_HEALTH = AgentQuery.withCapabilities("cap-7").andHealth(Health.HEALTHY);
    private static final AgentQuery COMPOSITE = AgentQuery.withCapabilities("cap-7", "search")
            .andMetadata("region", "r7").andHealth(Health.HEALTHY);

    private AgentSystem system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {1_000, 10_000})
    @PerfSweep(iterations = 20_000, warmupIterations = 5_000, warmupMs = 1_000)
    @Slo(p50Ms = 0.0012, p99Ms = 0.04)
    void byCapability(int agents, PerfContext ctx) {
        ctx.sink(registered(agents, ctx).registry().count(BY_CAPABILITY));
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {1_000, 10_000})
    @PerfSweep(iterations = 20_000, warmupIterations = 5_000, warmupMs = 1_000)
    @Slo(p50Ms = 0.04, p99Ms = 0.5)
    void byCapabilityAndMetadata(int agents, PerfContext ctx) {
        ctx.sink(registered(agents, ctx).registry().count(BY_METADATA));
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {1_000, 10_000})
    @PerfSweep(iterations = 20_000, warmupIterations = 5_000, warmupMs = 1_000)
    @Slo(p50Ms = 0.01, p99Ms = 0.2)
    void byCapabilityAndHealth(int agents, PerfContext ctx) {
        ctx.sink(registered(agents, ctx).registry().count(BY_HEALTH));
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {1_000, 10_000})
    @PerfSweep(iterations = 20_000, warmupIterations = 5_000, warmupMs = 1_000)
    @Slo(p50Ms = 0.05, p99Ms = 0.5)
    void compositeQueryReturningAgents(int agents, PerfContext ctx) {
        ctx.sink(registered(agents, ctx).registry().find(COMPOSITE));
    }

    private AgentSystem registered(int agents, PerfContext ctx) {
        if (system == null) {
            system = ctx.untimed(() -> populate(agents));
        }
        return system;
    }

    private static AgentSystem populate(int agents) {
        AgentSystem system = AgentSystem.create();
        for (int i = 0; i < agents; i++) {
            AgentRef ref = system.spawn(Agents.IDLE.withCapabilities("cap-" + (i % 100), "search")
                    .withMetadata(Map.of("region", "r" + (i % 10))));
            if (i % 10 == 0) {
                system.registry().setHealth(ref.id(), Health.DEGRADED);
            }
        }
        return system;
    }
}
