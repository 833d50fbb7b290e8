package dev.junitperf.internal.statistics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * The one shape of every latency histogram junit-perf records: nanoseconds from 1 ns to 1 h at three
 * significant digits, a fixed footprint whatever the sample count.
 */
@API(status = INTERNAL, since = "0.1")
public final class LatencyHistograms {

    /** The largest latency recorded; longer ones are recorded as this. */
    public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int SIGNIFICANT_DIGITS = 3;
    /** The heap one histogram takes, about 265 KiB. */
    public static final long FOOTPRINT_BYTES = create().getEstimatedFootprintInBytes();

    private LatencyHistograms() {
    }

    /** Return a new, empty latency histogram. */
    public static Histogram create() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }
}
