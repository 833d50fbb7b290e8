package dev.junitperf.internal.measurement;

import org.HdrHistogram.Histogram;

import dev.junitperf.internal.statistics.LatencyHistograms;

/**
 * Hold one measuring thread's latencies and errors per phase of a load profile; confined to that thread.
 *
 * <p>An invocation counts in the phase its intended start falls in, which the thread's {@link ArrivalSchedule.Arrivals}
 * knows: it computed that start just before the invocation.
 */
final class PhaseHistograms {

    final Histogram[] latency;
    final long[] errors;
    private final ArrivalSchedule.Arrivals arrivals;

    PhaseHistograms(int phases, ArrivalSchedule.Arrivals arrivals) {
        this.latency = new Histogram[phases];
        for (int i = 0; i < phases; i++) {
            latency[i] = LatencyHistograms.create();
        }
        this.errors = new long[phases];
        this.arrivals = arrivals;
    }

    /** Record the judged latency of the invocation just timed. */
    void record(long nanos) {
        latency[arrivals.phase].recordValue(nanos);
    }

    /** Count the invocation just attempted as failed. */
    void failed() {
        errors[arrivals.phase]++;
    }
}
