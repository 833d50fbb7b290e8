package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.TimeUnit;

import org.apiguardian.api.API;

/**
 * Say what a run records over time and prints while it runs.
 *
 * @param progress whether a run longer than {@code progressEveryNanos} prints a live line that often
 *                 ({@code junitperf.progress})
 * @param progressEveryNanos how often ({@code junitperf.progress.everyMs})
 * @param closedLoopIntervals whether closed loops record latency over time too ({@code junitperf.intervals = all});
 *                            open loops always do
 */
@API(status = INTERNAL, since = "0.1")
public record Monitoring(boolean progress, long progressEveryNanos, boolean closedLoopIntervals) {

    /** The default: progress every 5 s, intervals for open loops only. */
    public static final Monitoring DEFAULT = new Monitoring(true, TimeUnit.SECONDS.toNanos(5), false);
}
