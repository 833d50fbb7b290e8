package dev.junitperf.internal.statistics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;
import org.apiguardian.api.API;

/**
 * Hold latency over time of one run: a summary per interval, and the latencies of each phase of a load profile.
 *
 * <p>Times are offsets from the start of the measured phase, in nanoseconds. An interval holds the invocations
 * that <em>completed</em> in it; a phase holds those <em>intended to start</em> in it. Each interval keeps, beside
 * its summary from a full-precision histogram, a {@link #coarseHistogram() coarse} copy (one significant digit,
 * 1/16 resolution, about 2.5 KiB) from which percentiles of windows of several intervals are computed.
 *
 * @param intervalNanos the planned length of an interval (intervals also end at every phase boundary)
 * @param intervals the intervals in order
 * @param phases the phases of a load profile, empty without one
 * @param notes what a reader of the series must know, e.g. that the last interval holds the rest of a long run
 */
@API(status = INTERNAL, since = "0.1")
public record LatencyTimeline(long intervalNanos, List<Interval> intervals, List<PhaseLatency> phases, List<String> notes) {

    public LatencyTimeline {
        intervals = List.copyOf(intervals);
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }

    /** Return a new, empty coarse histogram of the shape every interval keeps. */
    public static AbstractHistogram coarseHistogram() {
        return new IntCountsHistogram(1, LatencyHistograms.HIGHEST_TRACKABLE_NANOS, 1);
    }

    /**
     * One interval: when it started and ended, and its invocations' latency figures in nanoseconds.
     *
     * @param startNanos its start
     * @param endNanos its end
     * @param count invocations that completed in it
     * @param p50Nanos their median, 0 when there are none (likewise below)
     * @param p90Nanos their 90th percentile
     * @param p99Nanos their 99th percentile
     * @param maxNanos the largest
     * @param coarse the same invocations at one significant digit, for percentiles of windows
     */
    public record Interval(long startNanos, long endNanos, long count, long p50Nanos, long p90Nanos, long p99Nanos,
                           long maxNanos, AbstractHistogram coarse) {
    }

    /**
     * One phase of a load profile and the latencies of the invocations intended to start in it.
     *
     * @param name its name
     * @param startNanos its planned start
     * @param endNanos its planned end
     * @param fromPerSec its rate at the start
     * @param toPerSec its rate at the end
     * @param latency the judged latencies of its invocations, in nanoseconds
     * @param errors its invocations that failed
     */
    public record PhaseLatency(String name, long startNanos, long endNanos, double fromPerSec, double toPerSec,
                               Histogram latency, long errors) {
    }

    /**
     * The percentile of one window of intervals.
     *
     * @param startNanos the window's start: the start of its first interval
     * @param count invocations that completed in the window
     * @param valueNanos their percentile, 0 when there are none
     */
    public record WindowPoint(long startNanos, long count, long valueNanos) {
    }

    /** Return the phase with this name, if there is one. */
    public Optional<PhaseLatency> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Return the {@code percentile} of every window of {@code windowNanos} that starts at an interval boundary at or after
     * {@code fromNanos}: the percentile of the invocations that completed in the window's intervals. A window is made of
     * whole intervals (at least one) and counts when they cover at least its length less half an interval; the windows
     * that would run past the last interval are left out.
     */
    public List<WindowPoint> windowsAfter(long fromNanos, long windowNanos, double percentile) {
        List<WindowPoint> points = new ArrayList<>();
        AbstractHistogram window = coarseHistogram();
        long tolerance = intervalNanos / 2;
        int next = 0;
        for (int first = 0; first < intervals.size(); first++) {
            Interval start = intervals.get(first);
            if (start.startNanos() < fromNanos) {
                continue;
            }
            next = Math.max(next, first);
            while (next < intervals.size()
                    && (next == first || intervals.get(next).endNanos() <= start.startNanos() + windowNanos + tolerance)) {
                window.add(intervals.get(next).coarse());
                next++;
            }
            if (intervals.get(next - 1).endNanos() - start.startNanos() < windowNanos - tolerance) {
                break;
            }
            long count = window.getTotalCount();
            points.add(new WindowPoint(start.startNanos(), count, count > 0 ? window.getValueAtPercentile(percentile) : 0));
            window.subtract(start.coarse());
        }
        return points;
    }

    /**
     * Return how long after {@code fromNanos} the first of {@code windows} with an invocation and a percentile of at most
     * {@code thresholdNanos} starts, if one does: from then on, a whole window was back to normal.
     */
    public static Optional<Long> recoveryNanos(List<WindowPoint> windows, long fromNanos, long thresholdNanos) {
        for (WindowPoint w : windows) {
            if (w.count() > 0 && w.valueNanos() <= thresholdNanos) {
                return Optional.of(Math.max(0, w.startNanos() - fromNanos));
            }
        }
        return Optional.empty();
    }
}
