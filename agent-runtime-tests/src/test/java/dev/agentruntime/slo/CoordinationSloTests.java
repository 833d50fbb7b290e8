package dev.agentruntime.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentruntime.AgentQuery;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.SharedVariable;
import dev.agentruntime.VariableUpdate;
import dev.agentruntime.VoteOutcome;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/** Broadcast, voting rounds and shared-variable propagation. */
class CoordinationSloTests {

    private static final Duration VOTE_TIMEOUT = Duration.ofSeconds(5);

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong seenEverywhere = new AtomicLong();
    private SharedVariable<Long> variable;
    private AgentSystem system;
    private List<AgentRef> group;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {100, 1_000})
    @PerfSweep(iterations = 1_000, warmupIterations = 200)
    @Slo(p50Ms = 0.5, p99Ms = 10)
    void broadcastToEveryMatch(int agents, PerfContext ctx) {
        if (group == null) {
            group = ctx.untimed(() -> spawn(agents, Agents.counting(received).withCapabilities("listener")));
        }
        long target = expected.addAndGet(agents);
        ctx.sink(system.broadcast(AgentQuery.withCapabilities("listener"), "news"));
        Agents.awaitCount(received, target);
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {100, 1_000})
    @PerfSweep(iterations = 500, warmupIterations = 100)
    @Slo(p50Ms = 0.6, p99Ms = 10)
    void votingRound(int agents, PerfContext ctx) throws Exception {
        if (group == null) {
            group = ctx.untimed(() -> spawn(agents, Agents.VOTER));
        }
        VoteOutcome outcome = system.vote(group, "deploy", agents / 2 + 1, VOTE_TIMEOUT).get();
        ctx.sink(outcome.approvals());
    }

    /** One update reaches all 100 subscribers (notifications may be batched, so only the newest counts). */
    @PerfTest(iterations = 2_000, warmupIterations = 500)
    @Slo(p50Ms = 0.07, p99Ms = 5)
    void variableUpdateReachesEverySubscriber(PerfContext ctx) {
        if (group == null) {
            group = ctx.untimed(this::subscribers);
        }
        long version = variable.set(ctx.invocation());
        Agents.awaitCount(seenEverywhere, version);
    }

    private List<AgentRef> subscribers() {
        variable = system.variable("setting", 0L);
        long[] newest = new long[100];
        List<AgentRef> refs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int index = i;
            AgentRef ref = system.spawn(AgentSpec.of(() -> (message, context) -> {
                if (message instanceof VariableUpdate<?> update) {
                    onUpdate(newest, index, update.version());
                }
            }));
            variable.subscribe(ref);
            refs.add(ref);
        }
        return refs;
    }

    private void onUpdate(long[] newest, int index, long version) {
        synchronized (newest) {
            newest[index] = Math.max(newest[index], version);
            long min = Long.MAX_VALUE;
            for (long v : newest) {
                min = Math.min(min, v);
            }
            seenEverywhere.set(min);
        }
    }

    private List<AgentRef> spawn(int agents, AgentSpec spec) {
        List<AgentRef> refs = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            refs.add(system.spawn(spec));
        }
        return refs;
    }
}
