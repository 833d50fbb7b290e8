package dev.junitperf.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;
import com.github.noconnor.junitperf.JUnitPerfReportingConfig;
import com.github.noconnor.junitperf.JUnitPerfTest;
import com.github.noconnor.junitperf.JUnitPerfTestActiveConfig;
import com.github.noconnor.junitperf.statistics.providers.DescriptiveStatisticsCalculator;

/**
 * Measure an empty body ten million times with noconnor's junitperf-junit5, stopping at its count limit.
 *
 * <p>The duration is only an upper bound. The class is top-level, not nested in {@link NoconnorTestCases},
 * because noconnor's {@code HtmlReportGenerator} passes the class name to {@code String.replaceAll} as a
 * replacement, where the {@code $} of a nested class is an illegal group reference.
 */
@ExtendWith(JUnitPerfInterceptor.class)
class NoconnorManyInvocationsTestCases {

    @JUnitPerfTestActiveConfig
    private static final JUnitPerfReportingConfig CONFIG = NoconnorCapture.config(DescriptiveStatisticsCalculator::new);

    @Test
    @JUnitPerfTest(threads = 1, durationMs = NoconnorTestCases.COUNT_LIMITED_DURATION_MS, warmUpMs = NoconnorTestCases.WARMUP_MS,
            totalExecutions = JunitPerfTestCases.MANY_ITERATIONS)
    void empty() {
    }
}
