package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.junitperf.testing.PerfEngine;

/** Every kind of bad input is rejected before any warmup, with a message naming the attribute, value and fix. */
class PerfConfigurationTests {

    static final AtomicInteger invocations = new AtomicInteger();

    @TempDir
    Path reportDir;

    static Stream<Arguments> badAnnotations() {
        return Stream.of(
                Arguments.of(ZeroThreads.class, "@PerfTest requires that `threads` be at least 1, but was 0"),
                Arguments.of(ZeroIterations.class, "@PerfTest requires that `iterations` be at least 1, but was 0"),
                Arguments.of(NegativeIterations.class, "@PerfTest requires that `iterations` be at least 1, but was -5"),
                Arguments.of(ZeroTimeout.class, "@PerfTest requires that `timeoutMs` be at least 1, but was 0"),
                Arguments.of(IterationsAndDuration.class,
                        "@PerfTest requires that only one of `iterations` and `durationMs` be set, but both were set (iterations = 100, durationMs = 100)"),
                Arguments.of(NaNBudget.class, "@Slo requires that `p99Ms` be a number (leave it out to state no objective), but was NaN"),
                Arguments.of(NegativeBudget.class, "@Slo requires that `meanMs` be a finite number greater than 0, but was -1"),
                Arguments.of(P50AboveP99.class, "@Slo requires that `p50Ms` be at most `p99Ms` (2.0), as a lower percentile cannot exceed a higher one, but was 5"),
                Arguments.of(ErrorRateAboveOne.class, "@Slo requires that `maxErrorRate` be a fraction from 0 to 1, e.g. 0.01 for 1 %, but was 2"),
                Arguments.of(TooFewForP99.class,
                        "@Slo(p99Ms = 5.0) needs at least 299 samples to judge p99, but @PerfTest sets iterations = 100: raise `iterations` to 299 or more"),
                Arguments.of(TooFewForP999.class, "needs at least 2,995 samples to judge p999"),
                Arguments.of(SloWithoutPerfTest.class, "@Slo on plainTest() requires @PerfTest (or @PerfSweep on a test template)"),
                Arguments.of(NegativeRate.class, "@PerfTest requires that `ratePerSec` be 0 (closed loop) or a positive number of invocations per second, but was -10"),
                Arguments.of(ThreadsBeyondTheHeap.class, "@PerfTest requires that `threads` be at most "),
                Arguments.of(IterationsBelowThreads.class, "@PerfTest requires that `iterations` be at least `threads` (4)"),
                Arguments.of(ThroughputAboveRate.class, "`minThroughputPerSec` (500.0) be at most @PerfTest `ratePerSec` (100.0)"));
    }

    @ParameterizedTest
    @MethodSource("badAnnotations")
    void badAnnotationIsRejectedBeforeAnythingRuns(Class<?> testCases, String expected) {
        invocations.set(0);
        PerfEngine.execute(testCases, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(expected)))));
        assertThat(invocations).hasValue(0);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("junitperf.mode", "fast", "Configuration parameter `junitperf.mode` must be one of 'enforce', 'report', 'smoke', but was 'fast'"),
                Arguments.of("junitperf.slo.scale", "abc", "Configuration parameter `junitperf.slo.scale` must be a number, but was 'abc'"),
                Arguments.of("junitperf.slo.scale", "0", "Configuration parameter `junitperf.slo.scale` must be a finite number greater than 0, e.g. 2.0, but was '0'"),
                Arguments.of("junitperf.default.threads", "0", "Configuration parameter `junitperf.default.threads` must be at least 1, but was '0'"),
                Arguments.of("junitperf.batching", "maybe", "Configuration parameter `junitperf.batching` must be 'auto' or 'off', but was 'maybe'"),
                Arguments.of("junitperf.confirm.runs", "-1", "Configuration parameter `junitperf.confirm.runs` must be a whole number from 0 to 10, but was '-1'"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void badConfigurationParameterIsRejectedBeforeAnythingRuns(String key, String value, String expected) {
        invocations.set(0);
        PerfEngine.execute(Valid.class, reportDir, key, value).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(expected))));
        assertThat(invocations).hasValue(0);
    }

    @Test
    void tooManyThreadsForTheHeapFailOneTestAndSayWhyWhileTheOthersRun() {
        PerfEngine.execute(ThreadsBeyondTheHeap.class, reportDir).testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(1))
                .assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.matches("@PerfTest requires that `threads` be at most [0-9,]+ on this JVM: each measuring "
                                + "thread records into 1 latency histogram of [0-9,]+ KiB, so 100,000 threads need [0-9,]+ MiB, "
                                + "more than a quarter of the [0-9,]+ MiB heap; lower `threads`, or give the test JVM more heap "
                                + "\\(-Xmx, e.g. Surefire's argLine\\), but was 100000")))));
    }

    @Test
    void configurationDefaultsApplyWhereTheAnnotationIsSilent() {
        invocations.set(0);
        PerfEngine.execute(Valid.class, reportDir, "junitperf.default.durationMs", "", "junitperf.default.iterations", "321",
                "junitperf.default.warmupMs", "0").testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(invocations).hasValue(321);
    }

    static class Valid {
        @PerfTest
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class ThreadsBeyondTheHeap {
        @PerfTest(threads = 100_000, iterations = 100_000)
        void body() {
            invocations.incrementAndGet();
        }

        @PerfTest(iterations = 10, warmupMs = 0)
        void neighbour() {
        }
    }

    static class ZeroThreads {
        @PerfTest(threads = 0)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class ZeroIterations {
        @PerfTest(iterations = 0)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class NegativeIterations {
        @PerfTest(iterations = -5)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class ZeroTimeout {
        @PerfTest(timeoutMs = 0)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class IterationsAndDuration {
        @PerfTest(iterations = 100, durationMs = 100)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class NaNBudget {
        @PerfTest
        @Slo(p99Ms = Double.NaN)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class NegativeBudget {
        @PerfTest
        @Slo(meanMs = -1)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class P50AboveP99 {
        @PerfTest
        @Slo(p50Ms = 5, p99Ms = 2)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class ErrorRateAboveOne {
        @PerfTest
        @Slo(maxErrorRate = 2)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class TooFewForP99 {
        @PerfTest(iterations = 100)
        @Slo(p99Ms = 5)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class TooFewForP999 {
        @PerfTest(iterations = 1_000)
        @Slo(p999Ms = 5)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class SloWithoutPerfTest {
        @Test
        @Slo(p99Ms = 5)
        void plainTest() {
            invocations.incrementAndGet();
        }
    }

    static class NegativeRate {
        @PerfTest(ratePerSec = -10)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class IterationsBelowThreads {
        @PerfTest(iterations = 3, threads = 4)
        void body() {
            invocations.incrementAndGet();
        }
    }

    static class ThroughputAboveRate {
        @PerfTest(ratePerSec = 100)
        @Slo(minThroughputPerSec = 500)
        void body() {
            invocations.incrementAndGet();
        }
    }
}
