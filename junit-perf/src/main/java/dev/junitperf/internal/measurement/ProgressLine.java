package dev.junitperf.internal.measurement;

import java.util.Locale;

import org.HdrHistogram.Histogram;

import dev.junitperf.internal.config.LoadPlan;
import dev.junitperf.internal.statistics.LatencyHistograms;
import dev.junitperf.internal.text.Formats;

/**
 * Print the live line of a long run: elapsed of planned time, samples so far, and the p50 and p99 since the last line.
 *
 * <p>For example {@code [junit-perf] BurstTests.ask(): 10.0 s of 16.0 s · 23,412 samples · since 5.0 s: p50 0.0213 ms,
 * p99 0.350 ms · phase "burst" at 5,000/s}. Confined to the interval thread; the first line comes after
 * {@code everyNanos}, so a shorter run prints none.
 */
final class ProgressLine {

    private final String label;
    private final long everyNanos;
    private final long plannedNanos;
    private final long plannedInvocations;
    private final LoadPlan plan;
    private final boolean figures;
    private final Histogram sinceLast = LatencyHistograms.create();
    private long samples;
    private long lastNanos;

    /**
     * @param label the run's name
     * @param everyNanos how often a line is printed
     * @param plannedNanos the planned length, 0 when unknown
     * @param plannedInvocations a fixed count's invocations, 0 for a time-based run
     * @param plan the load profile, to name the running phase
     * @param figures whether intervals are recorded, so samples and percentiles are known
     */
    ProgressLine(String label, long everyNanos, long plannedNanos, long plannedInvocations, LoadPlan plan, boolean figures) {
        this.label = label;
        this.everyNanos = everyNanos;
        this.plannedNanos = plannedNanos;
        this.plannedInvocations = plannedInvocations;
        this.plan = plan;
        this.figures = figures;
    }

    long everyNanos() {
        return everyNanos;
    }

    /** Add an interval's latencies to the figures of the next line. */
    void add(Histogram interval) {
        sinceLast.add(interval);
        samples += interval.getTotalCount();
    }

    /** Print the line for {@code elapsedNanos} after the start, and start collecting the next one's figures. */
    void print(long elapsedNanos) {
        System.out.println(render(elapsedNanos));
        sinceLast.reset();
        lastNanos = elapsedNanos;
    }

    String render(long elapsedNanos) {
        StringBuilder line = new StringBuilder("[junit-perf] ").append(label).append(": ").append(seconds(elapsedNanos));
        if (plannedNanos > 0) {
            line.append(" of ").append(seconds(plannedNanos));
        }
        if (!figures) {
            line.append(plannedInvocations > 0 ? " (" + Formats.count(plannedInvocations) + " invocations planned)" : "")
                    .append(" · live figures need junitperf.intervals=all");
            return line.toString();
        }
        line.append(" · ").append(Formats.count(samples)).append(plannedInvocations > 0
                ? " of " + Formats.count(plannedInvocations) + " samples" : " samples");
        if (sinceLast.getTotalCount() > 0) {
            line.append(String.format(Locale.ROOT, " · since %s: p50 %s ms, p99 %s ms", seconds(lastNanos),
                    Formats.ms(sinceLast.getValueAtPercentile(50) / 1e6), Formats.ms(sinceLast.getValueAtPercentile(99) / 1e6)));
        } else {
            line.append(" · none completed since ").append(seconds(lastNanos));
        }
        LoadPlan.Phase phase = phaseAt(plan, elapsedNanos);
        if (phase != null) {
            line.append(" · phase \"").append(phase.name()).append("\" at ").append(phase.ramp()
                    ? Formats.count(Math.round(phase.fromPerSec())) + "→" + Formats.count(Math.round(phase.toPerSec())) + "/s"
                    : Formats.count(Math.round(phase.fromPerSec())) + "/s");
        }
        return line.toString();
    }

    /** Return the phase running {@code elapsedNanos} after the start, or {@code null} without a profile. */
    static LoadPlan.Phase phaseAt(LoadPlan plan, long elapsedNanos) {
        for (int i = 0; i < plan.phases().size(); i++) {
            if (elapsedNanos < plan.startNanos(i + 1)) {
                return plan.phases().get(i);
            }
        }
        return plan.present() ? plan.phases().get(plan.phases().size() - 1) : null;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
