package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ShutdownTests {

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    void closeLeavesNoThreadBehind() {
        AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("leaktest"));
        for (int i = 0; i < 100; i++) {
            system.spawn(AgentSpec.of(() -> (m, c) -> c.reply(m))).ask("warm up", Duration.ofSeconds(5)).join();
        }
        assertThat(threadsNamed("leaktest-")).isPositive();

        system.close();

        assertThat(threadsNamed("leaktest-")).isZero();
        assertThat(system.isClosed()).isTrue();
    }

    @Test
    void closeDeadLettersQueuedMessagesAndFailsPendingAsks() throws InterruptedException {
        AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("drain"));
        AtomicInteger deadLetters = new AtomicInteger();
        system.events().subscribe(e -> {
            if (e instanceof AgentEvent.DeadLetter) {
                deadLetters.incrementAndGet();
            }
        });
        CountDownLatch entered = new CountDownLatch(1);
        AgentRef slow = system.spawn(AgentSpec.of(() -> (message, context) -> {
            if ("block".equals(message)) {
                entered.countDown();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }));
        CountDownLatch heard = new CountDownLatch(1);
        AgentRef mute = system.spawn(AgentSpec.of(() -> (m, c) -> heard.countDown()));
        slow.tell("block");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            slow.tell(i);
        }
        CompletableFuture<Object> unanswered = mute.ask("hello?", Duration.ofMinutes(5));
        assertThat(heard.await(5, TimeUnit.SECONDS)).isTrue();

        system.close();

        assertThat(deadLetters.get()).isEqualTo(50);
        assertThatThrownBy(unanswered::join).hasCauseInstanceOf(AgentSystemClosedException.class);
        system.close();
    }
}
