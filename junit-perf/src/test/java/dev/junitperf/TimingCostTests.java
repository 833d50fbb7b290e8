package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A fixed count that caps the batch below what a short body needs: warmup measures what a timing costs the body
 * itself; a body that pays no such cost gets no correction. How the probe judges its pairs is tested on fixed pairs in
 * {@code TimingCostJudgeTests}; its effect on a cache-missing body is in the JMH comparison's notes
 * ({@code docs/benchmarks.md}), not asserted here, because beside CPU hogs the probe rightly declines to correct
 * (its pairs disagree or warmup does not settle), so a test demanding a correction there would flake.
 */
class TimingCostTests {

    private static final String NOTE = "timing cost measured on this body";

    /** A body of fixed CPU work pays no more for being timed than an empty body does: nothing is subtracted. */
    @Test
    void aComputeBoundBodyGetsNoTimingCostCorrection() {
        long[] seed = {0x9E3779B97F4A7C15L};
        List<String> tries = new ArrayList<>();
        int corrected = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            PerfResult result = Perf.measure(ctx -> ctx.sink(xorshift(seed, 80))).warmupMs(300).iterations(10_000).run();
            boolean said = result.notes().stream().anyMatch(n -> n.startsWith(NOTE));
            corrected += said ? 1 : 0;
            tries.add(String.format(Locale.ROOT, "mean %.1f ns, batch %d, notes %s", result.meanMs() * 1e6, result.batchSize(),
                    result.notes()));
            assertThat(result.batchSize()).as("the body must be batched for the probe to run").isGreaterThan(1);
        }
        assertThat(corrected).as("runs corrected for a timing cost this body does not pay:%n%s", String.join("\n", tries))
                .isLessThanOrEqualTo(1);
    }

    private static long xorshift(long[] seed, int rounds) {
        long x = seed[0];
        for (int i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        seed[0] = x;
        return x;
    }
}
