package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTests {

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("routing"));

    @AfterEach
    void close() {
        system.close();
    }

    private List<AgentRef> silentGroup(int size) {
        List<AgentRef> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            group.add(system.spawn("r" + i, AgentSpec.of(() -> (m, c) -> { })));
        }
        return group;
    }

    @Test
    void roundRobinCyclesThroughTheGroup() {
        List<AgentRef> group = silentGroup(3);
        Router router = Router.roundRobin(group);

        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(router.select("m").id());
        }

        assertThat(picked).containsExactly("r0", "r1", "r2", "r0", "r1", "r2");
    }

    @Test
    void leastLoadedAvoidsABusyAgent() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AgentRef busy = system.spawn("busy", AgentSpec.of(() -> (m, c) -> {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
        }));
        busy.tell("block");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            busy.tell(i);
        }
        AgentRef idle = system.spawn("idle", AgentSpec.of(() -> (m, c) -> { }));
        Router router = Router.leastLoaded(List.of(busy, idle));

        for (int i = 0; i < 5; i++) {
            assertThat(router.select("m")).isSameAs(idle);
        }
        release.countDown();
    }

    @Test
    void consistentHashingKeepsKeysOnOneAgentAndSpreadsThem() {
        List<AgentRef> group = silentGroup(4);
        Router router = Router.consistentHashing(group, message -> ((String) message).split(":")[0]);

        Map<String, Integer> perAgent = new HashMap<>();
        for (int key = 0; key < 1_000; key++) {
            AgentRef first = router.select(key + ":a");
            assertThat(router.select(key + ":b")).isSameAs(first);
            perAgent.merge(first.id(), 1, Integer::sum);
        }

        assertThat(perAgent).hasSize(4);
        assertThat(perAgent.values()).allSatisfy(n -> assertThat(n).isBetween(100, 450));
    }

    @Test
    void consistentHashingMovesFewKeysWhenTheGroupGrows() {
        List<AgentRef> group = silentGroup(5);
        Router four = Router.consistentHashing(group.subList(0, 4), message -> message);
        Router five = Router.consistentHashing(group, message -> message);

        int moved = 0;
        for (int key = 0; key < 1_000; key++) {
            AgentRef before = four.select(key);
            AgentRef after = five.select(key);
            if (before != after) {
                moved++;
                assertThat(after.id()).isEqualTo("r4");
            }
        }

        assertThat(moved).isBetween(50, 400);
    }

    @Test
    void routersDeliver() throws InterruptedException {
        CountDownLatch received = new CountDownLatch(100);
        List<AgentRef> group = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            group.add(system.spawn(AgentSpec.of(() -> (m, c) -> received.countDown())));
        }
        Router router = Router.roundRobin(group);

        for (int i = 0; i < 100; i++) {
            router.tell(i);
        }

        assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
