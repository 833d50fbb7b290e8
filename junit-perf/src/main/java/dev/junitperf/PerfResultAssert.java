package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.internal.text.BreachMessages;
import dev.junitperf.internal.text.Formats;

/**
 * Assert on a {@link PerfResult}; every method returns {@code this} for chaining.
 *
 * <p>A failed assertion throws {@link AssertionError} whose message shows the expected and actual
 * figures with their confidence interval and the percentile table of the result. A percentile
 * assertion on too few samples fails as well, saying how many samples are needed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfResultAssert {

    private final PerfResult actual;

    PerfResultAssert(PerfResult actual) {
        this.actual = actual;
    }

    /** Assert that no invocation threw. */
    public PerfResultAssert hasNoErrors() {
        if (actual.errors() > 0) {
            fail(errorRate(0));
        }
        return this;
    }

    /** Assert that at most this fraction of invocations threw. */
    public PerfResultAssert hasErrorRateAtMost(double fraction) {
        if (actual.errorRate() > fraction) {
            fail(errorRate(fraction));
        }
        return this;
    }

    /** Assert that at least this many invocations succeeded. */
    public PerfResultAssert hasInvocationsAtLeast(long n) {
        if (actual.invocations() < n) {
            fail(String.format(Locale.ROOT, "invocations = %s < expected at least %s",
                    Formats.count(actual.invocations()), Formats.count(n)));
        }
        return this;
    }

    /** Assert that the given percentile (0 to 100) is at most {@code budgetMs}. */
    public PerfResultAssert hasPercentileAtMostMs(double percentile, double budgetMs) {
        PercentileEstimate e = actual.latency().estimate(percentile);
        String label = Formats.percentileLabel(percentile);
        if (!e.supported() || actual.invocations() == 0) {
            fail(BreachMessages.tooFewSamples(label, e.samples(), e.requiredSamples(), actual.batchSize()));
        }
        if (e.valueMs() > budgetMs) {
            fail(BreachMessages.percentile(label, e.valueMs(), budgetMs, e.lowerMs(), e.upperMs(), e.samples()));
        }
        return this;
    }

    /** Assert that the median is at most {@code budgetMs}. */
    public PerfResultAssert hasP50AtMostMs(double budgetMs) {
        return hasPercentileAtMostMs(50, budgetMs);
    }

    /** Assert that the 90th percentile is at most {@code budgetMs}. */
    public PerfResultAssert hasP90AtMostMs(double budgetMs) {
        return hasPercentileAtMostMs(90, budgetMs);
    }

    /** Assert that the 99th percentile is at most {@code budgetMs}. */
    public PerfResultAssert hasP99AtMostMs(double budgetMs) {
        return hasPercentileAtMostMs(99, budgetMs);
    }

    /** Assert that the 99.9th percentile is at most {@code budgetMs}. */
    public PerfResultAssert hasP999AtMostMs(double budgetMs) {
        return hasPercentileAtMostMs(99.9, budgetMs);
    }

    /** Assert that the mean is at most {@code budgetMs}. */
    public PerfResultAssert hasMeanAtMostMs(double budgetMs) {
        if (actual.meanMs() > budgetMs) {
            fail(BreachMessages.scalar("mean", actual.meanMs(), budgetMs, actual.invocations()));
        }
        return this;
    }

    /** Assert that the largest latency is at most {@code budgetMs}. */
    public PerfResultAssert hasMaxAtMostMs(double budgetMs) {
        if (actual.maxMs() > budgetMs) {
            fail(BreachMessages.scalar("max", actual.maxMs(), budgetMs, actual.invocations()));
        }
        return this;
    }

    /** Assert that throughput is at least {@code perSec} successful invocations per second. */
    public PerfResultAssert hasThroughputAtLeast(double perSec) {
        if (actual.throughputPerSec() < perSec) {
            fail(BreachMessages.throughput(actual.throughputPerSec(), perSec, actual.invocations(),
                    actual.duration().toNanos() / 1e6));
        }
        return this;
    }

    private String errorRate(double budget) {
        return BreachMessages.errorRate(actual.errorRate(), actual.errors(), actual.invocations(), budget,
                actual.firstError().map(String::valueOf));
    }

    private void fail(String line) {
        throw new AssertionError(String.format(Locale.ROOT, "Expecting %s to meet its objective, but:%n  %s%n%s",
                actual.name(), line, actual.summary()));
    }

}
