package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

class StressTests {

    private static final int SENDERS = 6;
    private static final int PER_SENDER = 40_000;

    @Test
    void everyMessageIsDeliveredDeadLetteredOrRejectedUnderFaultsAndRestarts() throws InterruptedException {
        LongAdder delivered = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder rejected = new LongAdder();
        LongAdder deadLettered = new LongAdder();
        AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("stress"));
        system.events().subscribe(event -> {
            if (event instanceof AgentEvent.DeadLetter) {
                deadLettered.increment();
            } else if (event instanceof AgentEvent.AgentFailed) {
                failed.increment();
            }
        });
        AgentSpec faulty = AgentSpec.of(() -> (message, context) -> {
            delivered.increment();
            if (ThreadLocalRandom.current().nextInt(500) == 0) {
                throw new IllegalStateException("injected fault");
            }
        }).withSupervision(SupervisionStrategy.restart(1_000_000, Duration.ofSeconds(1)));
        List<AgentRef> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(system.spawn(faulty.withMailbox(switch (i % 3) {
                case 0 -> MailboxConfig.unbounded();
                case 1 -> MailboxConfig.bounded(64, OverflowPolicy.REJECT);
                default -> MailboxConfig.bounded(64, OverflowPolicy.DEAD_LETTER);
            })));
        }

        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < PER_SENDER; i++) {
                    try {
                        agents.get(random.nextInt(agents.size())).tell(i);
                    } catch (MailboxOverflowException full) {
                        rejected.increment();
                    }
                }
            });
            senders.add(sender);
            sender.start();
        }
        system.stop(agents.get(0));
        for (Thread sender : senders) {
            sender.join();
        }
        system.close();

        long sent = (long) SENDERS * PER_SENDER;
        assertThat(delivered.sum() + deadLettered.sum() + rejected.sum()).isEqualTo(sent);
        assertThat(deadLettered.sum()).isEqualTo(system.deadLetterCount());
        assertThat(failed.sum()).isPositive();
    }

    @Test
    void concurrentRegistrationAndQueriesStayConsistent() throws InterruptedException {
        try (AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("registry-stress"))) {
            AgentSpec worker = AgentSpec.of(() -> (m, c) -> { }).withCapabilities("work", "even");
            AgentSpec other = AgentSpec.of(() -> (m, c) -> { }).withCapabilities("work");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger wrongMatches = new AtomicInteger();
            ConcurrentHashMap<String, Boolean> stable = new ConcurrentHashMap<>();
            for (int i = 0; i < 100; i++) {
                stable.put(system.spawn(worker).id(), true);
            }
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    List<AgentRef> found = system.registry().find(AgentQuery.withCapabilities("work", "even"));
                    long stableSeen = found.stream().filter(r -> stable.containsKey(r.id())).count();
                    if (stableSeen != stable.size()) {
                        wrongMatches.incrementAndGet();
                    }
                    for (AgentRef ref : found) {
                        if (!system.registry().info(ref.id()).map(i -> i.capabilities().contains("even")).orElse(true)) {
                            wrongMatches.incrementAndGet();
                        }
                    }
                }
            });
            reader.start();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        AgentRef ref = system.spawn(i % 2 == 0 ? worker : other);
                        system.registry().setHealth(ref.id(), Health.DEGRADED);
                        system.stop(ref);
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            running.set(false);
            reader.join();

            assertThat(wrongMatches.get()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> system.registry().size() == 100);
            assertThat(system.registry().count(AgentQuery.withCapabilities("work"))).isEqualTo(100);
            assertThat(system.registry().count(AgentQuery.all().andHealth(Health.DEGRADED))).isZero();
            assertThat(system.registry().count(AgentQuery.all().andHealth(Health.HEALTHY))).isEqualTo(100);
        }
    }
}
