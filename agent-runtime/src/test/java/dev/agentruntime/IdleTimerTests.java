package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * An idle system costs no CPU: the timer that times out asks and votes only runs while one is pending.
 *
 * <p>Before, it woke every 5 ms whatever the system did, about 1–2 % of a core for an idle system.
 */
class IdleTimerTests {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void systemThatNeverAsksStartsNoTimerThread() {
        try (AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("never-asks"))) {
            for (int i = 0; i < 100; i++) {
                system.spawn(AgentSpec.of(() -> (message, context) -> { })).tell("hello");
            }

            assertThat(timerThread("never-asks")).isEmpty();
        }
    }

    @Test
    void timerStopsWakingOnceNoReplyIsPendingAndStartsAgainForTheNextAsk() {
        try (AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("asks-once"))) {
            AgentRef echo = system.spawn(AgentSpec.of(() -> (message, context) -> context.reply(message)));
            assertThat(echo.<String>ask("ping", Duration.ofSeconds(5)).join()).isEqualTo("ping");
            Thread timer = timerThread("asks-once").orElseThrow();

            long[] cpu = {THREADS.getThreadCpuTime(timer.getId())};
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                long now = THREADS.getThreadCpuTime(timer.getId());
                boolean idle = now == cpu[0];
                cpu[0] = now;
                return idle;
            });
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> THREADS.getThreadCpuTime(timer.getId()) == cpu[0]);

            AgentRef silent = system.spawn(AgentSpec.of(() -> (message, context) -> { }));
            assertThat(silent.ask("no answer", Duration.ofMillis(50))).failsWithin(Duration.ofSeconds(5));
        }
    }

    private static Optional<Thread> timerThread(String systemName) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(systemName + "-timer")).findFirst();
    }
}
