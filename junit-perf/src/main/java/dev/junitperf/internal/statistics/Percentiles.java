package dev.junitperf.internal.statistics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;

import org.apiguardian.api.API;

/** The percentiles junit-perf reports everywhere (tables, results files, reports): written once, here. */
@API(status = INTERNAL, since = "0.1")
public final class Percentiles {

    /** p50, p90, p99 and p99.9, in this order. */
    public static final List<Double> REPORTED = List.of(50.0, 90.0, 99.0, 99.9);

    private Percentiles() {
    }
}
