package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("mailbox"));

    @AfterEach
    void close() {
        system.close();
    }

    /** Block on the first message until released, so the mailbox fills up behind it. */
    private AgentRef gated(CountDownLatch entered, CountDownLatch release, MailboxConfig mailbox) {
        return system.spawn(AgentSpec.of(() -> (message, context) -> {
            if ("gate".equals(message)) {
                entered.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
        }).withMailbox(mailbox));
    }

    @Test
    void aFullRejectingMailboxThrowsToTheSender() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AgentRef agent = gated(entered, release, MailboxConfig.bounded(3, OverflowPolicy.REJECT));
        agent.tell("gate");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        agent.tell(1);
        agent.tell(2);
        agent.tell(3);

        assertThatThrownBy(() -> agent.tell(4)).isInstanceOf(MailboxOverflowException.class).hasMessageContaining("capacity 3");
        CompletableFuture<Object> asked = agent.ask(5, TIMEOUT);
        assertThatThrownBy(asked::join).hasCauseInstanceOf(MailboxOverflowException.class);
        release.countDown();
    }

    @Test
    void aFullDeadLetteringMailboxReportsEveryDrop() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AgentRef agent = gated(entered, release, MailboxConfig.bounded(2, OverflowPolicy.DEAD_LETTER));
        agent.tell("gate");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        try (EventLatch dropped = EventLatch.of(system.events(), AgentEvent.DeadLetter.class, 3)) {
            for (int i = 0; i < 5; i++) {
                agent.tell(i);
            }
            assertThat(dropped.await(TIMEOUT)).isTrue();
            assertThat(dropped.matched()).extracting(e -> ((AgentEvent.DeadLetter) e).message()).containsExactly(2, 3, 4);
        }
        assertThat(agent.mailboxSize()).isEqualTo(2);
        release.countDown();
    }
}
