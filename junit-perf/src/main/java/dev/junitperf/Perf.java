package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;

import org.apiguardian.api.API;

/**
 * Measure code from anywhere, without annotations: the programmatic entry point.
 *
 * <pre>{@code
 * PerfResult result = Perf.measure(ctx -> cache.get("key"))
 *         .iterations(10_000)
 *         .threads(2)
 *         .run();
 * PerfAssertions.assertThat(result).hasNoErrors().hasP99AtMostMs(0.5);
 * }</pre>
 *
 * <p>Unset settings fall back to the system properties {@code junitperf.default.<attribute>} and then
 * to the same defaults as {@link PerfTest}. Results of the programmatic API are returned, not written
 * to the JSON report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Perf {

    private Perf() {
    }

    /** Start describing a measurement of {@code body}; call {@link PerfMeasurement#run()} to measure. */
    public static PerfMeasurement measure(PerfBody body) {
        return PerfMeasurement.of(Objects.requireNonNull(body, "body"));
    }
}
