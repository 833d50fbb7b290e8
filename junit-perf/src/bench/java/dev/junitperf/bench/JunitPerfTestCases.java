package dev.junitperf.bench;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;

/** Hold the junit-perf fixtures that {@link PeerComparisonBenchmark} runs through the JUnit engine. */
final class JunitPerfTestCases {

    static final long WARMUP_MS = 500;
    static final long MEASURE_MS = 1_500;
    static final int KNOWN_ITERATIONS = 5_000;
    static final int MANY_ITERATIONS = 10_000_000;

    private JunitPerfTestCases() {
    }

    /** Measure an empty body for a fixed time. */
    static class EmptyBody {
        @PerfTest(warmupMs = WARMUP_MS, durationMs = MEASURE_MS)
        void empty() {
        }
    }

    /** Measure the known distribution; the body records its own duration only outside the warmup. */
    static class KnownBody {
        @PerfTest(warmupMs = WARMUP_MS, iterations = KNOWN_ITERATIONS)
        void spin(PerfContext ctx) {
            long nanos = KnownDistribution.spin();
            if (!ctx.warmup()) {
                KnownDistribution.recordTruth(nanos);
            }
            ctx.sink(nanos);
        }
    }

    /** Measure an empty body ten million times. */
    static class TenMillionInvocations {
        @PerfTest(iterations = MANY_ITERATIONS)
        void empty() {
        }
    }
}
