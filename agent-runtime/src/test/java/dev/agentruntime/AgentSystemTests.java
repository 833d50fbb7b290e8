package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

class AgentSystemTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("core-tests"));

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void askReturnsTheReply() {
        AgentRef echo = system.spawn("echo", AgentSpec.of(() -> (message, context) -> context.reply("echo:" + message)));

        String answer = echo.<String>ask("hi", TIMEOUT).join();

        assertThat(answer).isEqualTo("echo:hi");
        assertThat(echo.id()).isEqualTo("echo");
    }

    @Test
    void messagesFromOneSenderArriveInOrder() throws InterruptedException {
        int count = 10_000;
        List<Integer> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AgentRef collector = system.spawn(AgentSpec.of(() -> (message, context) -> {
            seen.add((Integer) message);
            if (seen.size() == count) {
                done.countDown();
            }
        }));

        for (int i = 0; i < count; i++) {
            collector.tell(i);
        }

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < count; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void anAgentHandlesOneMessageAtATime() throws InterruptedException {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        int senders = 4;
        int perSender = 5_000;
        CountDownLatch done = new CountDownLatch(senders * perSender);
        AgentRef agent = system.spawn(AgentSpec.of(() -> (message, context) -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            inside.decrementAndGet();
            done.countDown();
        }));

        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < perSender; i++) {
                    agent.tell(i);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void anAgentSeesTheSystemItRunsIn() {
        AgentRef agent = system.spawn(AgentSpec.of(() -> (message, context) -> context.reply(context.system())));

        assertThat(agent.<AgentSystem>ask("which system?", TIMEOUT).join()).isSameAs(system);
    }

    @Test
    void aContextNoSystemCreatedHasNoSystem() {
        AgentContext stranger = mock(AgentContext.class, Answers.CALLS_REAL_METHODS);

        assertThatThrownBy(stranger::system)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("a test double must override system()");
    }

    @Test
    void agentsTalkToEachOtherAndSeeTheSender() {
        AgentRef ponger = system.spawn("ponger", AgentSpec.of(() -> (message, context) -> context.reply("pong")));
        AgentRef pinger = system.spawn("pinger", AgentSpec.of(() -> new Agent() {
            private AgentRef asker;

            @Override
            public void receive(Object message, AgentContext context) {
                if ("start".equals(message)) {
                    asker = context.sender().orElseThrow();
                    context.tell(ponger, "ping");
                } else {
                    asker.tell("got " + message + " from " + context.sender().map(AgentRef::id).orElse("?"));
                }
            }
        }));

        assertThat(pinger.<String>ask("start", TIMEOUT).join()).isEqualTo("got pong from ponger");
    }

    @Test
    void anAgentCanSpawnChildrenAndStopItself() throws InterruptedException {
        Map<String, String> childIds = new ConcurrentHashMap<>();
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 2)) {
            AgentRef parent = system.spawn("parent", AgentSpec.of(() -> (message, context) -> {
                AgentRef child = context.spawn(AgentSpec.of(() -> (m, c) -> { }));
                childIds.put("child", child.id());
                context.reply(child);
                context.stop();
            }));

            AgentRef child = parent.<AgentRef>ask("spawn", TIMEOUT).join();

            assertThat(stopped.await(TIMEOUT)).as("parent and child stopped").isTrue();
            assertThat(child.isAlive()).isFalse();
            assertThat(system.lookup(childIds.get("child"))).isEmpty();
        }
    }

    @Test
    void startedEventsCanBeAwaited() throws InterruptedException {
        try (EventLatch started = EventLatch.of(system.events(), AgentEvent.AgentStarted.class, 3)) {
            for (int i = 0; i < 3; i++) {
                system.spawn(AgentSpec.of(() -> (m, c) -> { }));
            }
            assertThat(started.await(TIMEOUT)).isTrue();
            assertThat(started.matched()).hasSize(3);
        }
    }

    @Test
    void aSmallThroughputStillDeliversEverything() throws InterruptedException {
        try (AgentSystem tiny = AgentSystem.create(AgentSystemConfig.defaults().withName("tiny").withParallelism(1).withThroughput(1))) {
            CountDownLatch done = new CountDownLatch(2_000);
            List<AgentRef> agents = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                agents.add(tiny.spawn(AgentSpec.of(() -> (m, c) -> done.countDown())));
            }
            for (int i = 0; i < 2_000; i++) {
                agents.get(i % 20).tell(i);
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
