package dev.junitperf.bench;

import java.util.List;

import dev.junitperf.PerfTest;
import dev.junitperf.internal.results.ResultsFile;

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
        ResultsFile.Timer timer = run.timer();
        return new PerfTestRound(run.meanMs() * 1e6, run.p50Ms() * 1e6, run.batchSize(), run.timedSamples(),
                List.copyOf(run.notes()), timer.judgedCostNanos(), timer.resolutionNanos(),
                timer.perTimingNanos());
    }

    /** Report whether junit-perf said this run's timings were below the timer's resolution. */
    boolean belowResolution() {
        return notes.stream().anyMatch(n -> n.startsWith(BELOW_RESOLUTION));
    }
}
