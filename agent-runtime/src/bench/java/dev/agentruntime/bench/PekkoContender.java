package dev.agentruntime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.japi.pf.ReceiveBuilder;
import org.apache.pekko.pattern.Patterns;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Run the workloads on Apache Pekko classic actors, with default or tuned settings. */
final class PekkoContender implements Contender {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Object PING = "ping";
    private static final Object START = "start";
    private static final String QUIET = "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\n"
            + "pekko.log-dead-letters = off\npekko.log-dead-letters-during-shutdown = off\n"
            + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n";

    private final String name;
    private final Config config;

    private PekkoContender(String name, String settings) {
        this.name = name;
        this.config = ConfigFactory.parseString(QUIET + settings).withFallback(ConfigFactory.load());
    }

    static PekkoContender defaults() {
        return new PekkoContender("pekko 1.7.0 default", "");
    }

    static PekkoContender tuned() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new PekkoContender("pekko 1.7.0 tuned",
                "pekko.actor.default-dispatcher.fork-join-executor { parallelism-min = " + cores
                        + "\n parallelism-max = " + cores + "\n parallelism-factor = 1.0 }\n"
                        + "pekko.actor.default-dispatcher.throughput = 64\n"
                        + "pekko.actor.default-mailbox.mailbox-type = \"org.apache.pekko.dispatch.SingleConsumerOnlyUnboundedMailbox\"\n");
    }

    @Override
    public String name() {
        return name;
    }

    private ActorSystem newSystem() {
        return ActorSystem.create("bench", config);
    }

    private static void terminate(ActorSystem system) throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Count down once started; otherwise idle. The behaviour is shared, as it holds no state. */
    static final class Idle extends AbstractActor {
        private static final Receive IGNORE = ReceiveBuilder.create().matchAny(m -> { }).build();

        Idle(CountDownLatch started) {
            started.countDown();
        }

        @Override
        public Receive createReceive() {
            return IGNORE;
        }
    }

    @Override
    public double spawnNanosPerAgent(int n) throws Exception {
        ActorSystem system = newSystem();
        try {
            CountDownLatch started = new CountDownLatch(n);
            Props props = Props.create(Idle.class, () -> new Idle(started));
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                system.actorOf(props);
            }
            RuntimeContender.await(started);
            return (System.nanoTime() - start) / (double) n;
        } finally {
            terminate(system);
        }
    }

    @Override
    public double idleBytesPerAgent(int n) throws Exception {
        ActorSystem system = newSystem();
        try {
            CountDownLatch warm = new CountDownLatch(1);
            system.actorOf(Props.create(Idle.class, () -> new Idle(warm)));
            RuntimeContender.await(warm);
            long before = Heap.usedAfterGc();
            CountDownLatch started = new CountDownLatch(n);
            Props props = Props.create(Idle.class, () -> new Idle(started));
            for (int i = 0; i < n; i++) {
                system.actorOf(props);
            }
            RuntimeContender.await(started);
            long after = Heap.usedAfterGc();
            return (after - before) / (double) n;
        } finally {
            terminate(system);
        }
    }

    static final class Ponger extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> getSender().tell(m, getSelf())).build();
        }
    }

    static final class PipelinedPinger extends AbstractActor {
        private final ActorRef ponger;
        private final int inFlight;
        private final CountDownLatch done;
        private int toSend;
        private int toReceive;

        PipelinedPinger(ActorRef ponger, int inFlight, int total, CountDownLatch done) {
            this.ponger = ponger;
            this.inFlight = inFlight;
            this.toSend = total;
            this.toReceive = total;
            this.done = done;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(this::onMessage).build();
        }

        private void onMessage(Object message) {
            if (message == START) {
                for (int i = 0; i < inFlight; i++) {
                    ponger.tell(PING, getSelf());
                }
                toSend -= inFlight;
                return;
            }
            if (toSend > 0) {
                toSend--;
                ponger.tell(PING, getSelf());
            }
            if (--toReceive == 0) {
                done.countDown();
            }
        }
    }

    @Override
    public double pipelinedPingPong(int pairs, int inFlight, int roundTripsPerPair) throws Exception {
        ActorSystem system = newSystem();
        try {
            CountDownLatch done = new CountDownLatch(pairs);
            List<ActorRef> pingers = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                ActorRef ponger = system.actorOf(Props.create(Ponger.class, Ponger::new));
                pingers.add(system.actorOf(Props.create(PipelinedPinger.class,
                        () -> new PipelinedPinger(ponger, inFlight, roundTripsPerPair, done))));
            }
            long start = System.nanoTime();
            for (ActorRef pinger : pingers) {
                pinger.tell(START, ActorRef.noSender());
            }
            RuntimeContender.await(done);
            return 2.0 * pairs * roundTripsPerPair * 1e9 / (System.nanoTime() - start);
        } finally {
            terminate(system);
        }
    }

    static final class Counting extends AbstractActor {
        private final CountDownLatch done;
        private int remaining;

        Counting(int expected, CountDownLatch done) {
            this.remaining = expected;
            this.done = done;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(m -> {
                if (--remaining == 0) {
                    done.countDown();
                }
            }).build();
        }
    }

    @Override
    public double tellOnly(int messages) throws Exception {
        return roundRobin(1, messages);
    }

    @Override
    public double roundRobin(int agents, int messages) throws Exception {
        ActorSystem system = newSystem();
        try {
            CountDownLatch done = new CountDownLatch(agents);
            ActorRef[] group = new ActorRef[agents];
            for (int i = 0; i < agents; i++) {
                group[i] = system.actorOf(Props.create(Counting.class, () -> new Counting(messages / agents, done)));
            }
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                group[i % agents].tell(PING, ActorRef.noSender());
            }
            RuntimeContender.await(done);
            return messages * 1e9 / (System.nanoTime() - start);
        } finally {
            terminate(system);
        }
    }

    static final class TimingPinger extends AbstractActor {
        private final ActorRef ponger;
        private final Histogram histogram;
        private final CountDownLatch done;
        private int remaining;
        private long sentAt;

        TimingPinger(ActorRef ponger, int roundTrips, Histogram histogram, CountDownLatch done) {
            this.ponger = ponger;
            this.remaining = roundTrips;
            this.histogram = histogram;
            this.done = done;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(this::onMessage).build();
        }

        private void onMessage(Object message) {
            if (message != START) {
                histogram.recordValue(System.nanoTime() - sentAt);
                if (--remaining == 0) {
                    done.countDown();
                    return;
                }
            }
            sentAt = System.nanoTime();
            ponger.tell(PING, getSelf());
        }
    }

    @Override
    public Histogram agentRoundTrip(int roundTrips) throws Exception {
        ActorSystem system = newSystem();
        try {
            Histogram histogram = new Histogram(3);
            CountDownLatch done = new CountDownLatch(1);
            ActorRef ponger = system.actorOf(Props.create(Ponger.class, Ponger::new));
            ActorRef pinger = system.actorOf(Props.create(TimingPinger.class, () -> new TimingPinger(ponger, roundTrips, histogram, done)));
            pinger.tell(START, ActorRef.noSender());
            RuntimeContender.await(done);
            return histogram;
        } finally {
            terminate(system);
        }
    }

    @Override
    public Histogram askLatency(int asks, boolean spin) throws Exception {
        ActorSystem system = newSystem();
        try {
            Histogram histogram = new Histogram(3);
            ActorRef ponger = system.actorOf(Props.create(Ponger.class, Ponger::new));
            for (int i = 0; i < asks; i++) {
                long start = System.nanoTime();
                CompletableFuture<Object> reply = Patterns.ask(ponger, PING, TIMEOUT).toCompletableFuture();
                if (spin) {
                    long spinUntil = start + 1_000_000;
                    while (!reply.isDone() && System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    }
                }
                reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                histogram.recordValue(System.nanoTime() - start);
            }
            return histogram;
        } finally {
            terminate(system);
        }
    }

    @Override
    public void shutdown() {
        // every workload terminates its own actor system
    }
}
