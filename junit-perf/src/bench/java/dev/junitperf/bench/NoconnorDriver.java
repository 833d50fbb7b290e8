package dev.junitperf.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import com.github.noconnor.junitperf.data.EvaluationContext;

/** Run a fixture of noconnor's junitperf-junit5 through the Jupiter engine and take the context it reported. */
final class NoconnorDriver {

    private NoconnorDriver() {
    }

    /** Run the fixture's single {@code @JUnitPerfTest}. */
    static Run run(Class<?> fixture) {
        NoconnorCapture.take();
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
        long wallNanos = System.nanoTime() - start;
        EngineRuns.requireOneSuccess(fixture, results);
        NoconnorCapture.Captured captured = NoconnorCapture.take()
                .orElseThrow(() -> new IllegalStateException(fixture.getName() + " reported no evaluation context"));
        return new Run(results, captured.context(), captured.statisticsNanos(), wallNanos);
    }

    /**
     * One engine run and the context noconnor evaluated.
     *
     * @param engine the test kit's record of the run
     * @param context the evaluated context; it references the statistics calculator and so every sample
     * @param statisticsNanos time from the end of measuring until the report call (its end-of-run statistics)
     * @param wallNanos wall time of the whole engine run
     */
    record Run(EngineExecutionResults engine, EvaluationContext context, long statisticsNanos, long wallNanos) {

        long samples() {
            return context.getEvaluationCount();
        }

        double throughputPerSec() {
            return context.getThroughputQps();
        }

        double p50Ms() {
            return context.getLatencyPercentileMs(50);
        }

        double p99Ms() {
            return context.getLatencyPercentileMs(99);
        }
    }
}
