package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import dev.junitperf.testing.PerfEngine;

class PerfApiTests {

    @Test
    void measureReturnsAnImmutableResultWithCountsPercentilesAndThroughput() {
        AtomicLong calls = new AtomicLong();

        PerfResult result = Perf.measure(ctx -> {
            calls.incrementAndGet();
            PerfEngine.spin(20_000);
        }).named("spin 20us").warmupIterations(50).warmupMs(0).iterations(400).run();

        assertThat(result.name()).isEqualTo("spin 20us");
        assertThat(result.invocations()).isEqualTo(400);
        assertThat(calls).hasValue(450);
        assertThat(result.errors()).isZero();
        assertThat(result.p50Ms()).isBetween(0.019, 5.0);
        assertThat(result.p50Ms()).isLessThanOrEqualTo(result.p99Ms());
        assertThat(result.p99Ms()).isLessThanOrEqualTo(result.maxMs());
        assertThat(result.minMs()).isLessThanOrEqualTo(result.p50Ms());
        assertThat(result.throughputPerSec()).isPositive();
        assertThat(result.histogram().getTotalCount()).isEqualTo(400);
        PercentileEstimate p99 = result.latency().estimate(99);
        assertThat(p99.supported()).isTrue();
        assertThat(p99.lowerMs()).isLessThanOrEqualTo(p99.valueMs());
        assertThat(p99.upperMs()).isGreaterThanOrEqualTo(p99.valueMs());
    }

    @Test
    void builderIsImmutable() {
        PerfMeasurement base = Perf.measure(ctx -> { }).warmupMs(0);
        PerfMeasurement more = base.iterations(700);

        assertThat(more).isNotSameAs(base);
        assertThat(base.iterations(300).run().invocations()).isEqualTo(300);
        assertThat(more.run().invocations()).isEqualTo(700);
    }

    @Test
    void assertionsPassForMetObjectivesAndChain() {
        PerfResult result = Perf.measure(ctx -> ctx.sink(ctx.invocation())).warmupMs(0).iterations(3_000).run();

        PerfAssertions.assertThat(result)
                .hasNoErrors()
                .hasInvocationsAtLeast(3_000)
                .hasP50AtMostMs(100)
                .hasP99AtMostMs(100)
                .hasP999AtMostMs(100)
                .hasMeanAtMostMs(100)
                .hasMaxAtMostMs(1_000)
                .hasThroughputAtLeast(1);
    }

    @Test
    void percentileAssertionFailsWithMeasuredFigureIntervalAndTable() {
        PerfResult result = Perf.measure(ctx -> PerfEngine.spin(100_000)).named("slow").warmupMs(0).iterations(300).run();

        assertThatThrownBy(() -> PerfAssertions.assertThat(result).hasP99AtMostMs(0.001))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting slow to meet its objective")
                .hasMessageMatching("(?s).*p99 = [0-9.,]+ (ns|µs|ms) > budget 1\\.00 µs \\(95% CI [0-9.,]+( ns| µs| ms)?–[0-9.,]+ (ns|µs|ms), n = 300\\).*")
                .hasMessageContaining("percentile");
    }

    @Test
    void percentileAssertionOnTooFewSamplesFailsSayingHowManyAreNeeded() {
        PerfResult result = Perf.measure(ctx -> { }).warmupMs(0).iterations(100).run();

        assertThatThrownBy(() -> PerfAssertions.assertThat(result).hasP99AtMostMs(1_000))
                .hasMessageContaining("100 samples were taken, at least 299 are needed");
    }

    @Test
    void errorsAreCountedAndReportedWithTheFirstOne() {
        PerfResult result = Perf.measure(ctx -> {
            if (ctx.invocation() % 4 == 0) {
                throw new IllegalArgumentException("bad " + ctx.invocation());
            }
        }).warmupMs(0).iterations(400).run();

        assertThat(result.errors()).isEqualTo(100);
        assertThat(result.invocations()).isEqualTo(300);
        assertThat(result.errorRate()).isEqualTo(0.25);
        assertThat(result.firstError()).get().isInstanceOf(IllegalArgumentException.class);
        PerfAssertions.assertThat(result).hasErrorRateAtMost(0.25);
        assertThatThrownBy(() -> PerfAssertions.assertThat(result).hasNoErrors())
                .hasMessageContaining("error rate = 25.00 % (100 of 400) > budget 0.00 %")
                .hasMessageContaining("IllegalArgumentException: bad 4");
    }

    @Test
    void invalidSettingsAreRejectedBeforeAnythingRuns() {
        AtomicLong calls = new AtomicLong();
        PerfMeasurement m = Perf.measure(ctx -> calls.incrementAndGet());

        assertThatThrownBy(() -> m.threads(0).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Perf.measure() requires that `threads` be at least 1, but was 0");
        assertThatThrownBy(() -> m.iterations(10).durationMs(10).run())
                .hasMessageStartingWith("Perf.measure() requires that only one of `iterations` and `durationMs` be set");
        assertThatThrownBy(() -> m.ratePerSec(Double.NaN).run())
                .hasMessageContaining("`ratePerSec` be 0 (closed loop) or a positive number");
        assertThat(calls).hasValue(0);
    }

    @Test
    void timeoutThrowsAndStopsEveryWorker() {
        CountDownLatch never = new CountDownLatch(1);

        assertThatThrownBy(() -> Perf.measure(ctx -> never.await()).named("stuck").warmupMs(0).iterations(5)
                .timeoutMs(200).threads(2).run())
                .isInstanceOf(PerfTimeoutError.class)
                .hasMessageContaining("timed out in stuck after 200 ms (timeoutMs = 200)")
                .hasMessageContaining("all worker threads stopped");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("junit-perf-stuck"));
    }

    @Test
    void assumptionFailureInTheBodyIsRethrown() {
        assertThatThrownBy(() -> Perf.measure(ctx -> {
            throw new TestAbortedException("skip me");
        }).warmupMs(0).iterations(10).run()).isInstanceOf(TestAbortedException.class).hasMessage("skip me");
    }

    @Test
    void durationModeMeasuresForAboutTheGivenTime() {
        PerfResult result = Perf.measure(ctx -> PerfEngine.spin(50_000)).warmupMs(0).durationMs(200).run();

        assertThat(result.duration().toMillis()).isBetween(195L, 2_000L);
        assertThat(result.invocations()).isBetween(10L, 4_100L);
    }
}
