package dev.agentruntime.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
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

/**
 * Broadcast, voting rounds and shared-variable propagation.
 *
 * <p>All three are cross-thread: the work runs on the runtime's pool threads while the caller waits, so no
 * clock of the measuring thread sees it (its CPU time is only the caller's share, and not even linear in the
 * work: a voting round of 1,000 agents read 135–143 µs quiet, 82 µs beside two CPU hogs, and five rounds only
 * 3.4–4.9× that; wall minus run-queue subtracts the pool's work from a caller that yields and keeps the pool's
 * own queueing for one that parks). They are judged on wall time with collapse guards that hold beside two
 * CPU hogs, where a broadcast to 1,000 agents went from 0.18–0.29 ms to 3.1 ms at p50.
 */
@ExtendWith(Work.Resolver.class)
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
    @Slo(p50Ms = 10, p99Ms = 100)
    void broadcastToEveryMatch(int agents, PerfContext ctx, Work work) {
        if (group == null) {
            group = ctx.untimed(() -> spawn(agents, Agents.counting(received).withCapabilities("listener")));
        }
        for (int r = 0; r < work.factor(); r++) {
            long target = expected.addAndGet(agents);
            ctx.sink(system.broadcast(AgentQuery.withCapabilities("listener"), "news"));
            Agents.awaitCount(received, target);
        }
    }

    @ParameterizedTest(name = "agents = {0}")
    @ValueSource(ints = {100, 1_000})
    @PerfSweep(iterations = 500, warmupIterations = 100)
    @Slo(p50Ms = 2, p99Ms = 50)
    void votingRound(int agents, PerfContext ctx, Work work) throws Exception {
        if (group == null) {
            group = ctx.untimed(() -> spawn(agents, Agents.VOTER));
        }
        for (int r = 0; r < work.factor(); r++) {
            VoteOutcome outcome = system.vote(group, "deploy", agents / 2 + 1, VOTE_TIMEOUT).get();
            ctx.sink(outcome.approvals());
        }
    }

    /**
     * One update reaches all 100 subscribers (notifications may be batched, so only the newest counts):
     * 25–65 µs at p50 quiet, p99 up to 5.1 ms beside two CPU hogs.
     */
    @PerfTest(iterations = 2_000, warmupIterations = 500)
    @Slo(p50Ms = 1, p99Ms = 50)
    void variableUpdateReachesEverySubscriber(PerfContext ctx, Work work) {
        if (group == null) {
            group = ctx.untimed(this::subscribers);
        }
        for (int r = 0; r < work.factor(); r++) {
            long version = variable.set(ctx.invocation());
            Agents.awaitCount(seenEverywhere, version);
        }
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
