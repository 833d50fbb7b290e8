package dev.junitperf.bench;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;
import com.github.noconnor.junitperf.JUnitPerfReportingConfig;
import com.github.noconnor.junitperf.JUnitPerfTest;
import com.github.noconnor.junitperf.JUnitPerfTestActiveConfig;
import com.github.noconnor.junitperf.statistics.StatisticsCalculator;
import com.github.noconnor.junitperf.statistics.providers.DescriptiveStatisticsCalculator;

/**
 * Hold the fixtures for noconnor's junitperf-junit5 that {@link PeerComparisonBenchmark} runs through the JUnit engine.
 *
 * <p>Its duration includes the warmup, so each measured window matches junit-perf's. Every fixture
 * reports only to {@link NoconnorCapture}, which keeps the evaluated context for the benchmark. The
 * ten-million-invocation fixture is {@link NoconnorManyInvocationsTestCases}, a top-level class, because
 * noconnor's HTML report fails on the {@code $} in a nested class's name.
 */
final class NoconnorTestCases {

    static final int WARMUP_MS = (int) JunitPerfTestCases.WARMUP_MS;
    private static final int DURATION_MS = (int) (JunitPerfTestCases.WARMUP_MS + JunitPerfTestCases.MEASURE_MS);
    static final int COUNT_LIMITED_DURATION_MS = 600_000;

    private NoconnorTestCases() {
    }

    /** Measure an empty body for a fixed time. */
    @ExtendWith(JUnitPerfInterceptor.class)
    static class EmptyBody {
        @JUnitPerfTestActiveConfig
        private static final JUnitPerfReportingConfig CONFIG = NoconnorCapture.config(DescriptiveStatisticsCalculator::new);

        @Test
        @JUnitPerfTest(threads = 1, durationMs = DURATION_MS, warmUpMs = WARMUP_MS)
        void empty() {
        }
    }

    /** Measure the known distribution; each latency the tool records also records the body's own duration. */
    @ExtendWith(JUnitPerfInterceptor.class)
    static class KnownBody {
        @JUnitPerfTestActiveConfig
        private static final JUnitPerfReportingConfig CONFIG = NoconnorCapture.config(TruthRecordingStatistics::new);

        @Test
        @JUnitPerfTest(threads = 1, durationMs = COUNT_LIMITED_DURATION_MS, warmUpMs = WARMUP_MS,
                totalExecutions = JunitPerfTestCases.KNOWN_ITERATIONS)
        void spin() {
            KnownDistribution.spin();
        }
    }

    /**
     * Decorate the default calculator so that every latency it stores adds the body's own duration to the truth.
     *
     * <p>The tool records a latency only after its warmup, on the thread that just ran the body, so the truth
     * holds exactly the invocations the tool measured.
     */
    static final class TruthRecordingStatistics implements StatisticsCalculator {

        private final DescriptiveStatisticsCalculator delegate = new DescriptiveStatisticsCalculator();

        @Override
        public void addLatencyMeasurement(long executionTimeNs) {
            KnownDistribution.recordLastIntoTruth();
            delegate.addLatencyMeasurement(executionTimeNs);
        }

        @Override
        public void incrementErrorCount() {
            delegate.incrementErrorCount();
        }

        @Override
        public void incrementEvaluationCount() {
            delegate.incrementEvaluationCount();
        }

        @Override
        public long getErrorCount() {
            return delegate.getErrorCount();
        }

        @Override
        public long getEvaluationCount() {
            return delegate.getEvaluationCount();
        }

        @Override
        public float getLatencyPercentile(int percentile, TimeUnit unit) {
            return delegate.getLatencyPercentile(percentile, unit);
        }

        @Override
        public float getMaxLatency(TimeUnit unit) {
            return delegate.getMaxLatency(unit);
        }

        @Override
        public float getMinLatency(TimeUnit unit) {
            return delegate.getMinLatency(unit);
        }

        @Override
        public float getMeanLatency(TimeUnit unit) {
            return delegate.getMeanLatency(unit);
        }

        @Override
        public float getErrorPercentage() {
            return delegate.getErrorPercentage();
        }

        @Override
        public void reset() {
            delegate.reset();
        }
    }
}
