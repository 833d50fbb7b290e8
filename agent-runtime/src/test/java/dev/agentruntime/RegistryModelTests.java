package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Check the registry against a plain map: random register/update/unregister/query sequences. */
class RegistryModelTests {

    private static final String[] CAPABILITIES = {"c0", "c1", "c2"};

    record ModelAgent(Set<String> capabilities, Map<String, String> metadata, Health health) {
    }

    @Test
    void theRegistryBehavesLikeAMap() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 80)).checkAssert(ops -> {
            try (AgentSystem system = AgentSystem.create(AgentSystemConfig.defaults().withName("model"))) {
                Map<String, ModelAgent> model = new HashMap<>();
                for (int op : ops) {
                    apply(system, model, op);
                }
                assertThat(system.registry().size()).isEqualTo(model.size());
            }
        });
    }

    private static void apply(AgentSystem system, Map<String, ModelAgent> model, int op) {
        String id = "a" + (op / 5) % 8;
        int attributes = op / 40;
        switch (op % 5) {
            case 0 -> register(system, model, id, attributes);
            case 1 -> {
                if (model.containsKey(id)) {
                    Health health = Health.values()[attributes % 3];
                    system.registry().setHealth(id, health);
                    ModelAgent old = model.get(id);
                    model.put(id, new ModelAgent(old.capabilities(), old.metadata(), health));
                } else {
                    assertThatThrownBy(() -> system.registry().setHealth(id, Health.HEALTHY)).isInstanceOf(UnknownAgentException.class);
                }
            }
            case 2 -> {
                if (model.containsKey(id)) {
                    Map<String, String> metadata = metadata(attributes);
                    system.registry().setMetadata(id, metadata);
                    ModelAgent old = model.get(id);
                    model.put(id, new ModelAgent(old.capabilities(), metadata, old.health()));
                }
            }
            case 3 -> unregister(system, model, id);
            default -> query(system, model, attributes);
        }
    }

    private static void register(AgentSystem system, Map<String, ModelAgent> model, String id, int attributes) {
        Set<String> capabilities = capabilities(attributes);
        AgentSpec spec = AgentSpec.of(() -> (m, c) -> { })
                .withCapabilities(capabilities.toArray(String[]::new))
                .withMetadata(metadata(attributes / 8));
        if (model.containsKey(id)) {
            assertThatThrownBy(() -> system.spawn(id, spec)).isInstanceOf(DuplicateAgentIdException.class);
        } else {
            system.spawn(id, spec);
            model.put(id, new ModelAgent(capabilities, spec.metadata(), Health.HEALTHY));
        }
    }

    private static void unregister(AgentSystem system, Map<String, ModelAgent> model, String id) {
        Optional<AgentRef> ref = system.lookup(id);
        assertThat(ref.isPresent()).isEqualTo(model.containsKey(id));
        if (ref.isPresent()) {
            try (EventLatch stopped = EventLatch.of(system.events(), AgentEvent.AgentStopped.class, e -> e.agentId().equals(id), 1)) {
                system.stop(ref.get());
                assertThat(stopped.await(Duration.ofSeconds(5))).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            model.remove(id);
        }
    }

    private static void query(AgentSystem system, Map<String, ModelAgent> model, int attributes) {
        Set<String> capabilities = capabilities(attributes % 8);
        AgentQuery query = AgentQuery.withCapabilities(capabilities.toArray(String[]::new));
        Optional<String> zone = (attributes / 8) % 3 == 2 ? Optional.empty() : Optional.of("z" + (attributes / 8) % 3);
        if (zone.isPresent()) {
            query = query.andMetadata("zone", zone.get());
        }
        Optional<Health> health = (attributes / 24) % 4 == 3 ? Optional.empty() : Optional.of(Health.values()[(attributes / 24) % 4]);
        if (health.isPresent()) {
            query = query.andHealth(health.get());
        }
        Set<String> expected = model.entrySet().stream()
                .filter(e -> e.getValue().capabilities().containsAll(capabilities))
                .filter(e -> zone.isEmpty() || zone.get().equals(e.getValue().metadata().get("zone")))
                .filter(e -> health.isEmpty() || health.get() == e.getValue().health())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        List<AgentRef> found = system.registry().find(query);

        assertThat(found.stream().map(AgentRef::id).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(found).hasSize(expected.size());
        assertThat(system.registry().count(query)).isEqualTo(expected.size());
    }

    private static Set<String> capabilities(int bits) {
        Set<String> capabilities = new HashSet<>();
        for (int i = 0; i < CAPABILITIES.length; i++) {
            if ((bits & (1 << i)) != 0) {
                capabilities.add(CAPABILITIES[i]);
            }
        }
        return capabilities;
    }

    private static Map<String, String> metadata(int attributes) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("zone", "z" + attributes % 2);
        if (attributes % 3 == 0) {
            metadata.put("tier", "gold");
        }
        return metadata;
    }
}
