package dev.junitperf.bench;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

/**
 * Hold the {@code @PerfTest} side of {@link JmhComparisonBenchmark}: every body of {@link Bodies} in each mode.
 *
 * <p>Each fixture has one method per mode, with junit-perf's default warmup and batching; the benchmark runs
 * one method at a time through the Jupiter engine. A fixture holds its body's state in a field, built by the
 * same {@link Bodies} constructor as JMH's state, and passes the body's value to {@code ctx.sink}.
 */
final class JmhComparisonTestCases {

    static final int FEW = 10_000;
    static final int MANY = 100_000;
    static final long DURATION_MS = 1_000;

    private JmhComparisonTestCases() {
    }

    /** Measure {@link Bodies#empty()}. */
    static class Empty {
        @PerfTest(iterations = FEW)
        void iterations10k(PerfContext ctx) {
            Bodies.empty();
        }

        @PerfTest(iterations = MANY)
        void iterations100k(PerfContext ctx) {
            Bodies.empty();
        }

        @PerfTest(durationMs = DURATION_MS)
        void duration1s(PerfContext ctx) {
            Bodies.empty();
        }
    }

    /** Measure {@link Bodies#arithmetic}. */
    static class Arithmetic {
        private final Bodies.ArithmeticState state = new Bodies.ArithmeticState();

        @PerfTest(iterations = FEW)
        void iterations10k(PerfContext ctx) {
            ctx.sink(Bodies.arithmetic(state));
        }

        @PerfTest(iterations = MANY)
        void iterations100k(PerfContext ctx) {
            ctx.sink(Bodies.arithmetic(state));
        }

        @PerfTest(durationMs = DURATION_MS)
        void duration1s(PerfContext ctx) {
            ctx.sink(Bodies.arithmetic(state));
        }
    }

    /** Measure {@link Bodies#hashLookup}. */
    static class HashLookup {
        private final Bodies.HashLookupState state = new Bodies.HashLookupState();

        @PerfTest(iterations = FEW)
        void iterations10k(PerfContext ctx) {
            ctx.sink(Bodies.hashLookup(state));
        }

        @PerfTest(iterations = MANY)
        void iterations100k(PerfContext ctx) {
            ctx.sink(Bodies.hashLookup(state));
        }

        @PerfTest(durationMs = DURATION_MS)
        void duration1s(PerfContext ctx) {
            ctx.sink(Bodies.hashLookup(state));
        }
    }

    /** Measure {@link Bodies#jackson}. */
    static class Jackson {
        private final Bodies.JacksonState state = new Bodies.JacksonState();

        @PerfTest(iterations = FEW)
        void iterations10k(PerfContext ctx) {
            ctx.sink(Bodies.jackson(state));
        }

        @PerfTest(iterations = MANY)
        void iterations100k(PerfContext ctx) {
            ctx.sink(Bodies.jackson(state));
        }

        @PerfTest(durationMs = DURATION_MS)
        void duration1s(PerfContext ctx) {
            ctx.sink(Bodies.jackson(state));
        }
    }

    /** Measure {@link Bodies#spin}. */
    static class Spin {
        private final Bodies.SpinState state = new Bodies.SpinState();

        @PerfTest(iterations = FEW)
        void iterations10k(PerfContext ctx) {
            ctx.sink(Bodies.spin(state));
        }

        @PerfTest(iterations = MANY)
        void iterations100k(PerfContext ctx) {
            ctx.sink(Bodies.spin(state));
        }

        @PerfTest(durationMs = DURATION_MS)
        void duration1s(PerfContext ctx) {
            ctx.sink(Bodies.spin(state));
        }
    }
}
