package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;
import dev.agentruntime.SharedVariable;
import dev.agentruntime.SupervisionStrategy;
import dev.junitperf.HeapProbe;
import dev.junitperf.MemoryProfile;

/**
 * For random operation counts and random mixes of operations, the runtime's retained heap grows by
 * less than 1 KB per operation; a deliberately hoarding agent (test-only) is caught.
 */
class MemoryStabilityPropertyTests {

    private static final double BUDGET_BYTES_PER_OP = 1_024;
    /** Heap after full GC jitters by a few KB; below ~64 operations that noise would dominate a slope. */
    private static final double NOISE_FLOOR_BYTES = 64 * 1024;
    private static final int OPERATIONS = 6;

    @Test
    void runtimeRetainsLessThanOneKilobytePerOperation() {
        qt().withExamples(8).withShrinkCycles(0)
                .forAll(integers().between(200, 3_000), lists().of(integers().between(0, OPERATIONS - 1)).ofSizeBetween(1, 8))
                .checkAssert((count, mix) -> {
                    try (Workload workload = new Workload(false)) {
                        assertThat(retainedGrowthPerOp(workload, count, mix)).isLessThanOrEqualTo(allowance(count));
                    }
                });
    }

    @Test
    void hoardingAgentIsCaught() {
        assertThatThrownBy(() -> qt().withExamples(8).withShrinkCycles(10).withFixedSeed(3)
                .forAll(integers().between(200, 3_000), lists().of(integers().between(2, OPERATIONS - 1)).ofSizeBetween(1, 4))
                .check((count, mix) -> {
                    try (Workload workload = new Workload(true)) {
                        return retainedGrowthPerOp(workload, count, mix) <= allowance(count);
                    }
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property falsified");
    }

    private static double allowance(int count) {
        return BUDGET_BYTES_PER_OP + NOISE_FLOOR_BYTES / count;
    }

    private static double retainedGrowthPerOp(Workload workload, int count, List<Integer> mix) {
        try {
            MemoryProfile p = HeapProbe.of(i -> workload.apply(mix.get((int) (i % mix.size())), i)).warmupOperations(50).run(count);
            assertThat(p.conclusive()).as(p.inconclusive().orElse("")).isTrue();
            return p.retainedBytesPerOp();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A running system and the six operations of the mix: spawn+stop, register+unregister (spawn with
     * capabilities, then stop), tell, variable update, failure with restart, ask.
     *
     * <p>Every operation waits until the runtime has finished with it, so no work is in flight at a
     * checkpoint. The hoarding variant's agent keeps every message it receives: the planted leak.
     */
    private static final class Workload implements AutoCloseable {
        private static final byte[] PAYLOAD = new byte[512];

        private final AgentSystem system = AgentSystem.create();
        private final AtomicLong handled = new AtomicLong();
        private final List<Object> hoard = new ArrayList<>();
        private final AgentRef worker;
        private final SharedVariable<Long> variable;

        Workload(boolean hoarding) {
            worker = system.spawn(AgentSpec.of(() -> (message, context) -> {
                if ("boom".equals(message)) {
                    handled.incrementAndGet();
                    throw new IllegalStateException("planted failure");
                }
                if (hoarding) {
                    hoard.add(new byte[2048]);
                }
                if (message instanceof String s && s.equals("ask")) {
                    context.reply(s);
                }
                handled.incrementAndGet();
            }).withSupervision(SupervisionStrategy.restart(1_000_000, Duration.ofSeconds(1))));
            variable = system.variable("setting", 0L);
            variable.subscribe(worker);
        }

        void apply(int op, long index) throws Exception {
            switch (op) {
                case 0 -> system.stop(system.spawn(Agents.IDLE));
                case 1 -> system.stop(system.spawn(Agents.IDLE.withCapabilities("temp", "cap-" + (index % 50))));
                case 2 -> tellAndWait(PAYLOAD);
                case 3 -> variable.set(index);
                case 4 -> tellAndWait("boom");
                default -> worker.ask("ask", Duration.ofSeconds(5)).get();
            }
        }

        private void tellAndWait(Object message) {
            long target = handled.get() + 1;
            worker.tell(message);
            Agents.awaitCount(handled, target);
        }

        @Override
        public void close() {
            system.close();
        }
    }
}
