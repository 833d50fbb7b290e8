package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A body that branches on {@code ctx.warmup()} is measured compiled: warmup rehearses the measured side before the
 * first timing, so the first measured invocation does not deoptimize the measured path.
 *
 * <p>Without the rehearsal the JIT compiles only the warmup side of such a branch and turns the other into an
 * uncommon trap; the first measured invocation then throws the measured path back to the interpreter, and a short
 * fixed count is measured there (a hash lookup that counted its measured invocations read 5.4–8.5× a 1 s run of
 * the plain lookup at 10,000 iterations; this test's body read about 50× the plain one before the rehearsal). Both bodies run on the CPU clock, which a busy neighbour does not move.
 */
class WarmupRehearsalTests {

    private static final int ITERATIONS = 10_000;
    /** Interpreted, the branching body reads many times the compiled one; compiled, about the same. */
    private static final double MAX_RATIO = 2.5;

    @Test
    void aBodyThatBranchesOnWarmupReadsAboutWhatTheSameBodyWithoutTheBranchReads() {
        long[] measured = {0};
        long[] seed = {1};

        PerfResult branching = Perf.measure(ctx -> {
            if (!ctx.warmup()) {
                measured[0]++;
            }
            ctx.sink(mix(seed[0]++));
        }).clock(PerfClock.CPU).warmupMs(300).iterations(ITERATIONS).run();
        PerfResult plain = Perf.measure(ctx -> ctx.sink(mix(seed[0]++)))
                .clock(PerfClock.CPU).warmupMs(300).iterations(ITERATIONS).run();

        assertThat(branching.meanMs())
                .as("mean of the branching body (%s) against the plain one (%s)", branching.summary(), plain.summary())
                .isLessThan(MAX_RATIO * plain.meanMs());
        // The measured invocations and the rehearsal's: the body did see its measured side before the measurement.
        assertThat(measured[0]).isGreaterThan(ITERATIONS);
    }

    /** A few nanoseconds of straight-line work: inlined into the timed loop when compiled, slow when interpreted. */
    private static long mix(long x) {
        long h = x * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 31;
        h += x;
        h ^= h << 13;
        h ^= h >>> 7;
        h ^= h << 17;
        return h;
    }
}
