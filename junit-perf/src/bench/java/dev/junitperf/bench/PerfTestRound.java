package dev.junitperf.bench;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hold what junit-perf reported for one run of one {@code @PerfTest}, as read from {@code results.json}.
 *
 * @param meanNanos the mean latency
 * @param p50Nanos the median latency (of batch means when batched)
 * @param batchSize invocations per timing
 * @param timedSamples independent timings behind the percentiles
 * @param notes the caveats junit-perf attached to the figures
 * @param judgedCostNanos what one timing costs on the judged clock, subtracted from every timing
 * @param resolutionNanos the timer's resolution: a timing shorter than this cannot be told from zero
 * @param perTimingNanos the timed loop's time per timing, which sets the batch size
 */
record PerfTestRound(double meanNanos, double p50Nanos, int batchSize, long timedSamples, List<String> notes,
                     long judgedCostNanos, long resolutionNanos, double perTimingNanos) {

    static final String BELOW_RESOLUTION = "below the timer's resolution";

    static PerfTestRound of(JunitPerfDriver.Run run) {
        JsonNode timer = run.timer();
        return new PerfTestRound(run.meanMs() * 1e6, run.p50Ms() * 1e6, run.batchSize(), run.timedSamples(),
                List.copyOf(run.notes()), timer.get("judgedCostNanos").asLong(), timer.get("resolutionNanos").asLong(),
                timer.get("perTimingNanos").asDouble());
    }

    /** Report whether junit-perf said this run's timings were below the timer's resolution. */
    boolean belowResolution() {
        return notes.stream().anyMatch(n -> n.startsWith(BELOW_RESOLUTION));
    }
}
