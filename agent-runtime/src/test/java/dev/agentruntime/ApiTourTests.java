package dev.agentruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Compile and run the examples of docs/agent-runtime.md, so the docs cannot drift from the API. */
class ApiTourTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final class Counter implements Agent {
        private int count;

        @Override
        public void receive(Object message, AgentContext context) {
            if (message.equals("get")) {
                context.reply(count);
            } else {
                count++;
            }
        }
    }

    @Test
    void theTourWorksAsDocumented() {
        try (AgentSystem system = AgentSystem.create()) {
            AgentSpec translator = AgentSpec.of(() -> (message, context) -> context.reply("fr:" + message))
                    .withCapabilities("translate", "french")
                    .withMetadata(Map.of("region", "eu"));
            AgentRef agent = system.spawn("translator-1", translator);

            String answer = agent.<String>ask("hello", TIMEOUT).join();
            agent.tell("fire and forget");
            List<AgentRef> found = system.registry().find(
                    AgentQuery.withCapabilities("translate", "french").andMetadata("region", "eu").andHealth(Health.HEALTHY));
            int reached = system.broadcast(AgentQuery.withCapabilities("translate"), "reload");

            assertThat(answer).isEqualTo("fr:hello");
            assertThat(found).containsExactly(agent);
            assertThat(reached).isEqualTo(1);
        }
    }

    @Test
    void statefulAgentsCountSafely() {
        try (AgentSystem system = AgentSystem.create()) {
            AgentRef counter = system.spawn(AgentSpec.of(Counter::new));
            for (int i = 0; i < 1_000; i++) {
                counter.tell("inc");
            }

            assertThat(counter.<Integer>ask("get", TIMEOUT).join()).isEqualTo(1_000);
        }
    }

    @Test
    void coordinationWorksAsDocumented() {
        try (AgentSystem system = AgentSystem.create()) {
            List<AgentRef> members = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                members.add(system.spawn(AgentSpec.of(() -> (message, context) -> {
                    if (message instanceof Ballot) {
                        context.reply(Vote.yes());
                    }
                })));
            }
            SharedVariable<String> leader = system.variable("leader", "none");
            leader.subscribe(members.get(0));

            boolean written = leader.compareAndSet(leader.get().version(), "node-7");
            VoteOutcome outcome = system.vote(members, "deploy v2", members.size() / 2 + 1, Duration.ofSeconds(5)).join();

            assertThat(written).isTrue();
            assertThat(outcome.decision()).isEqualTo(VoteOutcome.Decision.ACCEPTED);
        }
    }
}
