package dev.junitperf.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.HdrHistogram.AbstractHistogram;
import org.junit.jupiter.api.Test;

/** Windows after a phase and the recovery time they give, on intervals of known latency. */
class LatencyTimelineTests {

    private static final long MS = 1_000_000;

    @Test
    void recoveryIsTheStartOfTheFirstWholeWindowBackUnderTheThreshold() {
        // 100 ms intervals: a backlog of 50 ms latencies until 1.3 s, 1 ms from then on; the phase ended at 1.0 s.
        LatencyTimeline timeline = timeline(100 * MS, 20, i -> i < 13 ? 50 * MS : MS);

        List<LatencyTimeline.WindowPoint> windows = timeline.windowsAfter(1_000 * MS, 300 * MS, 99);

        assertThat(windows).extracting(LatencyTimeline.WindowPoint::startNanos).startsWith(1_000 * MS, 1_100 * MS, 1_200 * MS);
        assertThat(windows).as("the last window that fits starts 300 ms before the end").last()
                .extracting(LatencyTimeline.WindowPoint::startNanos).isEqualTo(1_700 * MS);
        assertThat(windows.get(0).count()).isEqualTo(30);
        assertThat(LatencyTimeline.recoveryNanos(windows, 1_000 * MS, 2 * MS)).contains(300 * MS);
    }

    @Test
    void aWindowThatStillHoldsASlowIntervalIsNotBack() {
        LatencyTimeline timeline = timeline(100 * MS, 20, i -> i == 15 ? 50 * MS : MS);

        List<LatencyTimeline.WindowPoint> windows = timeline.windowsAfter(1_300 * MS, 300 * MS, 90);

        assertThat(LatencyTimeline.recoveryNanos(windows, 1_300 * MS, 2 * MS)).contains(300 * MS);
    }

    @Test
    void aRunThatNeverComesBackHasNoRecovery() {
        LatencyTimeline timeline = timeline(100 * MS, 20, i -> i < 5 ? MS : 50 * MS);

        assertThat(LatencyTimeline.recoveryNanos(timeline.windowsAfter(500 * MS, 300 * MS, 99), 500 * MS, 2 * MS))
                .isEqualTo(Optional.empty());
    }

    /** Build {@code count} intervals of {@code length}, each with 10 invocations of {@code latency.of(i)}. */
    private static LatencyTimeline timeline(long length, int count, Latency latency) {
        List<LatencyTimeline.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AbstractHistogram coarse = LatencyTimeline.coarseHistogram();
            long value = latency.of(i);
            coarse.recordValueWithCount(value, 10);
            intervals.add(new LatencyTimeline.Interval(i * length, (i + 1) * length, 10, value, value, value, value, coarse));
        }
        return new LatencyTimeline(length, intervals, List.of(), List.of());
    }

    @FunctionalInterface
    private interface Latency {
        long of(int interval);
    }
}
