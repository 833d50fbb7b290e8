package dev.agentruntime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;

import dev.agentruntime.AgentQuery;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.Ballot;
import dev.agentruntime.Vote;
import dev.agentruntime.VoteOutcome;

/** Measure discovery under concurrent writes and voting rounds; agent-runtime only (Pekko classic has neither). */
final class RegistryAndCoordinationBench {

    private RegistryAndCoordinationBench() {
    }

    /**
     * Query by capability among {@code agents} agents (100 per capability) while another thread spawns
     * and stops agents; return query latencies in ns.
     */
    static Histogram discovery(int agents, int queries, boolean twoCapabilities) throws InterruptedException {
        try (AgentSystem system = AgentSystem.create()) {
            int capabilities = agents / 100;
            for (int i = 0; i < agents; i++) {
                system.spawn(AgentSpec.of(RuntimeContender.IdleAgent::new)
                        .withCapabilities("cap-" + i % capabilities, "kind-" + i % 7));
            }
            AgentQuery[] workload = new AgentQuery[capabilities];
            for (int c = 0; c < capabilities; c++) {
                workload[c] = twoCapabilities
                        ? AgentQuery.withCapabilities("cap-" + c, "kind-" + c % 7)
                        : AgentQuery.withCapabilities("cap-" + c);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            long[] churned = new long[1];
            Thread writer = new Thread(() -> {
                AgentSpec churn = AgentSpec.of(RuntimeContender.IdleAgent::new).withCapabilities("cap-1", "kind-1");
                while (running.get()) {
                    system.stop(system.spawn(churn));
                    churned[0]++;
                }
            }, "registry-writer");
            writer.start();
            Histogram histogram = new Histogram(3);
            long matches = 0;
            for (int i = 0; i < queries; i++) {
                AgentQuery query = workload[i % capabilities];
                long start = System.nanoTime();
                List<AgentRef> found = system.registry().find(query);
                histogram.recordValue(System.nanoTime() - start);
                matches += found.size();
            }
            running.set(false);
            writer.join();
            if (matches == 0 || churned[0] == 0) {
                throw new IllegalStateException("discovery workload did nothing");
            }
            return histogram;
        }
    }

    /** Run {@code rounds} voting rounds over {@code voters} agents; return the median round time in ns. */
    static double voting(int voters, int rounds) {
        try (AgentSystem system = AgentSystem.create()) {
            List<AgentRef> group = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                group.add(system.spawn(AgentSpec.of(() -> (message, context) -> {
                    if (message instanceof Ballot) {
                        context.reply(Vote.yes());
                    }
                })));
            }
            double[] times = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                VoteOutcome outcome = system.vote(group, "proposal-" + r, voters / 2 + 1, Duration.ofSeconds(10)).join();
                times[r] = System.nanoTime() - start;
                if (outcome.decision() != VoteOutcome.Decision.ACCEPTED) {
                    throw new IllegalStateException("round not accepted: " + outcome);
                }
            }
            return new Stats(times).median();
        }
    }
}
