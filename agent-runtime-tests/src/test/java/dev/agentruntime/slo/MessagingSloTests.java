package dev.agentruntime.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.Router;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

/**
 * Tell throughput, ask latency and the allocation of the tell path.
 *
 * <p>Throughput tests send a burst and wait until every message has been handled, so one invocation
 * is one burst: {@code minThroughputPerSec} counts bursts, and messages per second are the burst size
 * times that figure.
 */
class MessagingSloTests {

    private static final int BURST = 1_000;
    private static final int SPREAD_BURST = 10_000;
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final Object PING = "ping";

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private AgentSystem system;
    private AgentRef counter;
    private AgentRef echo;
    private AgentRef idle;
    private Router spread;

    @BeforeEach
    void start() {
        system = AgentSystem.create();
        counter = system.spawn(Agents.counting(received));
        echo = system.spawn(Agents.ECHO);
        idle = system.spawn(Agents.IDLE);
        List<AgentRef> routees = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            routees.add(system.spawn(Agents.counting(received)));
        }
        spread = Router.roundRobin(routees);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    /**
     * 1,000 messages from each of two sending threads into one agent.
     *
     * <p>Two senders, the receiver and the pool share two cores, so this figure moves 5× with machine load
     * (p50 0.09 ms per burst quiet, 0.46 ms beside two CPU hogs, p99 12 ms): the minimum of 200 bursts/s
     * (0.2 M msg/s) guards against collapse.
     */
    @PerfTest(iterations = 2_000, warmupIterations = 500, threads = 2)
    @Slo(minThroughputPerSec = 200, p99Ms = 100)
    void tellFanInBurstsOfThousand() {
        long target = sent.addAndGet(BURST);
        for (int i = 0; i < BURST; i++) {
            counter.tell(PING);
        }
        Agents.awaitCount(received, target);
    }

    /**
     * 10,000 messages round-robin over 1,000 agents: p50 1.8 ms per burst quiet (5.5 M msg/s), 3.7 ms beside two
     * CPU hogs with p99 23 ms; at least 50 bursts/s (0.5 M msg/s) guards against collapse.
     */
    @PerfTest(iterations = 300, warmupIterations = 100)
    @Slo(minThroughputPerSec = 50, p99Ms = 200)
    void tellSpreadOverThousandAgents() {
        long target = sent.addAndGet(SPREAD_BURST);
        for (int i = 0; i < SPREAD_BURST; i++) {
            spread.tell(PING);
        }
        Agents.awaitCount(received, target);
    }

    /**
     * Ask from a plain thread: two thread wake-ups per round trip dominate, and they move 2–3× with
     * machine load (45 µs median at load 3.5), so this budget guards against regressions from the
     * loaded figure rather than from a quiet one.
     */
    @PerfTest(iterations = 20_000, warmupIterations = 5_000)
    @Slo(p50Ms = 0.1, p99Ms = 2)
    void askRoundTripFromOutside(PerfContext ctx) throws Exception {
        ctx.sink(echo.ask(PING, ASK_TIMEOUT).get());
    }

    /**
     * Asks started at a fixed 2,000/s: latency counts from the intended start (coordinated omission corrected).
     *
     * <p>Corrected latency charges every stolen core to the queue (7.5 µs median on an idle machine, 62 µs
     * with a neighbour spinning on one of the two cores, 1.8 ms when the host steals a quarter of this VM's
     * CPU time), so this objective guards that the runtime keeps up with the rate and its queue does not
     * explode (a queue that falls behind by 10 % grows past 100 ms within the two seconds), rather than its
     * service time: {@code askRoundTripFromOutside} judges that.
     */
    @PerfTest(ratePerSec = 2_000, durationMs = 2_000, warmupMs = 300)
    @Slo(p50Ms = 10, p99Ms = 50, minThroughputPerSec = 1_900)
    void askAtFixedRateOpenLoop(PerfContext ctx) throws Exception {
        ctx.sink(echo.ask(PING, ASK_TIMEOUT).get());
    }

    /** The tell path once warm: the mailbox node and nothing else, whoever ends up allocating it. */
    @PerfTest(iterations = 200_000, warmupIterations = 50_000)
    @MemoryBudget(maxAllocatedBytesPerOp = 64)
    void tellAllocatesAFewBytesPerMessage() {
        idle.tell(PING);
    }
}
