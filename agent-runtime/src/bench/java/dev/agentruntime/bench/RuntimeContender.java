package dev.agentruntime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.agentruntime.Agent;
import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.Replies;
import dev.agentruntime.Router;

/** Run the workloads on agent-runtime. */
final class RuntimeContender implements Contender {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Object PING = "ping";
    private static final Object START = "start";

    /** An idle agent; one instance per agent, as real agents carry state. */
    static final class IdleAgent implements Agent {
        @Override
        public void receive(Object message, AgentContext context) {
        }
    }

    @Override
    public String name() {
        return "agent-runtime";
    }

    @Override
    public double spawnNanosPerAgent(int n) {
        try (AgentSystem system = AgentSystem.create()) {
            AgentSpec spec = AgentSpec.of(IdleAgent::new).withCapabilities("idle");
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                system.spawn(spec);
            }
            return (System.nanoTime() - start) / (double) n;
        }
    }

    @Override
    public double idleBytesPerAgent(int n) {
        try (AgentSystem system = AgentSystem.create()) {
            AgentSpec spec = AgentSpec.of(IdleAgent::new).withCapabilities("idle");
            system.spawn(spec);
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                system.spawn(spec);
            }
            long after = Heap.usedAfterGc();
            if (system.registry().size() != n + 1) {
                throw new IllegalStateException("agents went missing");
            }
            return (after - before) / (double) n;
        }
    }

    /** Send {@code inFlight} pings, then one more per pong until {@code total} pongs arrived. */
    static final class PipelinedPinger implements Agent {
        private final AgentRef ponger;
        private final int inFlight;
        private final CountDownLatch done;
        private int toSend;
        private int toReceive;

        PipelinedPinger(AgentRef ponger, int inFlight, int total, CountDownLatch done) {
            this.ponger = ponger;
            this.inFlight = inFlight;
            this.toSend = total;
            this.toReceive = total;
            this.done = done;
        }

        @Override
        public void receive(Object message, AgentContext context) {
            if (message == START) {
                for (int i = 0; i < inFlight; i++) {
                    ponger.tell(PING, context.self());
                }
                toSend -= inFlight;
                return;
            }
            if (toSend > 0) {
                toSend--;
                ponger.tell(PING, context.self());
            }
            if (--toReceive == 0) {
                done.countDown();
            }
        }
    }

    private static AgentSpec ponger() {
        return AgentSpec.of(() -> (message, context) -> context.reply(message));
    }

    @Override
    public double pipelinedPingPong(int pairs, int inFlight, int roundTripsPerPair) throws InterruptedException {
        try (AgentSystem system = AgentSystem.create()) {
            CountDownLatch done = new CountDownLatch(pairs);
            List<AgentRef> pingers = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                AgentRef ponger = system.spawn(ponger());
                pingers.add(system.spawn(AgentSpec.of(() -> new PipelinedPinger(ponger, inFlight, roundTripsPerPair, done))));
            }
            long start = System.nanoTime();
            for (AgentRef pinger : pingers) {
                pinger.tell(START);
            }
            await(done);
            long elapsed = System.nanoTime() - start;
            return 2.0 * pairs * roundTripsPerPair * 1e9 / elapsed;
        }
    }

    /** Count down once the expected number of messages arrived. */
    static final class CountingAgent implements Agent {
        private final CountDownLatch done;
        private int remaining;

        CountingAgent(int expected, CountDownLatch done) {
            this.remaining = expected;
            this.done = done;
        }

        @Override
        public void receive(Object message, AgentContext context) {
            if (--remaining == 0) {
                done.countDown();
            }
        }
    }

    @Override
    public double tellOnly(int messages) throws InterruptedException {
        try (AgentSystem system = AgentSystem.create()) {
            CountDownLatch done = new CountDownLatch(1);
            AgentRef sink = system.spawn(AgentSpec.of(() -> new CountingAgent(messages, done)));
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                sink.tell(PING);
            }
            await(done);
            return messages * 1e9 / (System.nanoTime() - start);
        }
    }

    @Override
    public double roundRobin(int agents, int messages) throws InterruptedException {
        try (AgentSystem system = AgentSystem.create()) {
            CountDownLatch done = new CountDownLatch(agents);
            List<AgentRef> group = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                group.add(system.spawn(AgentSpec.of(() -> new CountingAgent(messages / agents, done))));
            }
            Router router = Router.roundRobin(group);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                router.tell(PING);
            }
            await(done);
            return messages * 1e9 / (System.nanoTime() - start);
        }
    }

    /** Ping once, record the round trip on the pong, repeat. */
    static final class TimingPinger implements Agent {
        private final AgentRef ponger;
        private final Histogram histogram;
        private final CountDownLatch done;
        private int remaining;
        private long sentAt;

        TimingPinger(AgentRef ponger, int roundTrips, Histogram histogram, CountDownLatch done) {
            this.ponger = ponger;
            this.remaining = roundTrips;
            this.histogram = histogram;
            this.done = done;
        }

        @Override
        public void receive(Object message, AgentContext context) {
            if (message != START) {
                histogram.recordValue(System.nanoTime() - sentAt);
                if (--remaining == 0) {
                    done.countDown();
                    return;
                }
            }
            sentAt = System.nanoTime();
            ponger.tell(PING, context.self());
        }
    }

    @Override
    public Histogram agentRoundTrip(int roundTrips) throws InterruptedException {
        try (AgentSystem system = AgentSystem.create()) {
            Histogram histogram = new Histogram(3);
            CountDownLatch done = new CountDownLatch(1);
            AgentRef ponger = system.spawn(ponger());
            AgentRef pinger = system.spawn(AgentSpec.of(() -> new TimingPinger(ponger, roundTrips, histogram, done)));
            pinger.tell(START);
            await(done);
            return histogram;
        }
    }

    @Override
    public Histogram askLatency(int asks, boolean spin) throws Exception {
        try (AgentSystem system = AgentSystem.create()) {
            Histogram histogram = new Histogram(3);
            AgentRef ponger = system.spawn(ponger());
            Duration spinFor = Duration.ofMillis(1);
            for (int i = 0; i < asks; i++) {
                long start = System.nanoTime();
                CompletableFuture<Object> reply = ponger.ask(PING, TIMEOUT);
                if (spin) {
                    Replies.await(reply, spinFor, TIMEOUT);
                } else {
                    reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                histogram.recordValue(System.nanoTime() - start);
            }
            return histogram;
        }
    }

    static void await(CountDownLatch done) throws InterruptedException {
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("workload did not finish within 120 s");
        }
    }

    @Override
    public void shutdown() {
        // every workload closes its own system
    }
}
