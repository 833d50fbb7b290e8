package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTests {

    private final AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("discovery"));

    @AfterEach
    void close() {
        system.close();
    }

    private AgentRef spawn(String id, Map<String, String> metadata, String... capabilities) {
        return system.spawn(id, AgentSpec.of(() -> (m, c) -> { }).withCapabilities(capabilities).withMetadata(metadata));
    }

    @Test
    void queriesCombineCapabilitiesMetadataHealthAndFilters() {
        spawn("translator-eu", Map.of("region", "eu", "cost", "3"), "translate", "summarize");
        spawn("translator-us", Map.of("region", "us", "cost", "1"), "translate");
        spawn("summarizer-eu", Map.of("region", "eu", "cost", "2"), "summarize");
        system.registry().setHealth("translator-us", Health.DEGRADED);

        assertThat(ids(AgentQuery.withCapabilities("translate"))).containsExactlyInAnyOrder("translator-eu", "translator-us");
        assertThat(ids(AgentQuery.withCapabilities("translate", "summarize"))).containsExactly("translator-eu");
        assertThat(ids(AgentQuery.withCapabilities("translate").andHealth(Health.HEALTHY))).containsExactly("translator-eu");
        assertThat(ids(AgentQuery.all().andMetadata("region", "eu"))).containsExactlyInAnyOrder("translator-eu", "summarizer-eu");
        assertThat(ids(AgentQuery.all().andFilter(m -> Integer.parseInt(m.get("cost")) < 3)))
                .containsExactlyInAnyOrder("translator-us", "summarizer-eu");
        assertThat(ids(AgentQuery.withCapabilities("fly"))).isEmpty();
        assertThat(system.registry().info("translator-eu").orElseThrow().capabilities()).containsExactlyInAnyOrder("translate", "summarize");
    }

    @Test
    void metadataUpdatesMoveAgentsBetweenIndexes() {
        spawn("a", Map.of("region", "eu"), "x");

        system.registry().setMetadata("a", Map.of("region", "us"));

        assertThat(ids(AgentQuery.all().andMetadata("region", "eu"))).isEmpty();
        assertThat(ids(AgentQuery.all().andMetadata("region", "us"))).containsExactly("a");
    }

    @Test
    void broadcastReachesExactlyTheMatches() throws InterruptedException {
        CountDownLatch received = new CountDownLatch(3);
        AgentSpec listener = AgentSpec.of(() -> (m, c) -> received.countDown());
        for (int i = 0; i < 3; i++) {
            system.spawn(listener.withCapabilities("news"));
        }
        system.spawn(listener.withCapabilities("sports"));

        int sent = system.broadcast(AgentQuery.withCapabilities("news"), "hello");

        assertThat(sent).isEqualTo(3);
        assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stoppedAgentsLeaveTheIndexes() throws InterruptedException {
        AgentRef ref = spawn("short-lived", Map.of(), "x");
        try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, 1)) {
            system.stop(ref);
            assertThat(stopped.await(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(ids(AgentQuery.withCapabilities("x"))).isEmpty();
        assertThat(system.lookup("short-lived")).isEmpty();
    }

    private List<String> ids(AgentQuery query) {
        return system.registry().find(query).stream().map(AgentRef::id).toList();
    }
}
