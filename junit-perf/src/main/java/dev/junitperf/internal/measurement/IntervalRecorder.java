package dev.junitperf.internal.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.junitperf.internal.config.LoadPlan;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.statistics.LatencyHistograms;
import dev.junitperf.internal.statistics.LatencyTimeline;
import dev.junitperf.internal.text.Formats;

/**
 * Record latency over time, and print the live progress line of a long run, from one thread of its own.
 *
 * <p>Design notes: every measuring thread records each timing into one HdrHistogram {@link Recorder}, right after the
 * timing's window has closed. Recording is wait-free ({@code WriterReaderPhaser}): a writer never waits for the
 * interval thread, whatever it does. The interval thread wakes at every interval boundary (and at every phase end of a
 * load profile, so no interval straddles one), takes the interval histogram from the recorder, keeps a fixed-size
 * summary of it ({@link LatencyTimeline.Interval}: five figures and a 2.5 KiB coarse copy), and recycles it. So the
 * memory is fixed: the recorder's two histograms, one recycled interval, at most {@value #MAX_INTERVALS} summaries.
 * A run that outlasts them keeps adding to the last interval, which then holds the rest of the run, and a note says
 * so. The progress line is built from the same interval histograms, so the reporter reads nothing a measuring thread
 * writes except through the recorder: it never touches a sampler, a timed loop, or their state
 * ({@code ProgressReporterIsolationTests} checks that it references none of them).
 *
 * <p>Fields other than {@link #stopping} are confined to the interval thread between {@link #start} and
 * {@link #finish}; {@code Thread.start} and {@code Thread.join} order them with the calling thread's reads.
 */
final class IntervalRecorder {

    /** The most intervals one run keeps. */
    static final int MAX_INTERVALS = 600;
    /** The shortest interval. */
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long[] NICE_MS = {50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000};

    /** An interval's summary record and its list slot, beside its coarse histogram: 9 fields, headers, a reference. */
    private static final long INTERVAL_OVERHEAD_BYTES = 96;
    private final Recorder recorder;
    private final long intervalNanos;
    private final long[] phaseEnds;
    private final ProgressLine progress;
    private final List<LatencyTimeline.Interval> intervals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean stopping;
    /** The measurement's start, set once by {@link #begin}; 0 until then. */
    private volatile long begun;
    private Thread thread;
    private Histogram interval;
    private Histogram tail;
    private long tailStart;
    private long startNanos;
    private long lastSwapNanos;

    private IntervalRecorder(boolean recording, long intervalNanos, LoadPlan plan, ProgressLine progress) {
        this.recorder = recording ? new Recorder(LatencyHistograms.HIGHEST_TRACKABLE_NANOS, 3) : null;
        // The recorder allocates its spare histogram at the first swap: take it now, before the retained-heap
        // reading, so swapping during the run allocates nothing (the recycled histogram is reused from then on).
        this.interval = recording ? recorder.getIntervalHistogram() : null;
        this.intervalNanos = intervalNanos;
        this.progress = progress;
        this.phaseEnds = new long[plan.phases().size()];
        for (int i = 0; i < phaseEnds.length; i++) {
            phaseEnds[i] = plan.startNanos(i + 1);
        }
    }

    /**
     * Return the recorder a run needs, or {@code null} when it records no intervals and prints no progress.
     *
     * @param maxFactor how many planned durations a time-based run may last
     * @param label the name the progress line gives the run
     */
    static IntervalRecorder forRun(PerfSettings settings, double maxFactor, String label) {
        boolean recording = settings.recordsIntervals();
        if (!recording && !settings.monitoring().progress()) {
            return null;
        }
        long planned = plannedNanos(settings);
        long longest = settings.fixedCount() && !settings.openLoop() ? TimeUnit.MINUTES.toNanos(1)
                : settings.load().present() ? planned : (long) (planned * Math.max(1, maxFactor));
        ProgressLine line = settings.monitoring().progress()
                ? new ProgressLine(label, settings.monitoring().progressEveryNanos(), planned, settings.fixedCount()
                        ? settings.iterations() : 0, settings.load(), recording)
                : null;
        return new IntervalRecorder(recording, intervalFor(longest), settings.load(), line);
    }

    /** Return the run's planned length: its duration, or an open loop's count over its rate; 0 when unknown. */
    private static long plannedNanos(PerfSettings settings) {
        if (!settings.fixedCount()) {
            return settings.durationNanos();
        }
        return settings.openLoop() ? (long) (settings.iterations() * 1e9 / settings.ratePerSec()) : 0;
    }

    /** Return the interval for a run of at most {@code longestNanos}: at least 50 ms, a round length, at most 600 of them. */
    static long intervalFor(long longestNanos) {
        long wanted = Math.max(MIN_INTERVAL_NANOS, longestNanos / MAX_INTERVALS);
        for (long ms : NICE_MS) {
            if (TimeUnit.MILLISECONDS.toNanos(ms) >= wanted) {
                return TimeUnit.MILLISECONDS.toNanos(ms);
            }
        }
        long minutes = (wanted + TimeUnit.MINUTES.toNanos(1) - 1) / TimeUnit.MINUTES.toNanos(1);
        return TimeUnit.MINUTES.toNanos(minutes);
    }

    /** Report whether measuring threads record into this recorder. */
    boolean recording() {
        return recorder != null;
    }

    /** Record one invocation's latency; called by measuring threads, wait-free. */
    void record(long nanos) {
        recorder.recordValue(nanos);
    }

    /** Record {@code count} invocations of the same latency (a batch); called by measuring threads, wait-free. */
    void record(long nanos, long count) {
        recorder.recordValueWithCount(nanos, count);
    }

    /** Start the interval thread, which waits for {@link #begin}; called by the measure gate's action. */
    void start(String threadName) {
        thread = new Thread(this::run, threadName + "-intervals");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tell the interval thread when the measurement started; called by the measure gate's action, after {@link #start}. */
    void begin(long measurementStartNanos) {
        begun = measurementStartNanos;
        LockSupport.unpark(thread);
    }

    /** Stop the interval thread and close the last interval; call once every measuring thread has ended. */
    void finish() throws InterruptedException {
        if (thread == null) {
            return;
        }
        stopping = true;
        LockSupport.unpark(thread);
        thread.join();
        if (recorder != null && begun != 0) {
            swap(System.nanoTime(), true);
        }
    }

    /**
     * Return the bytes the kept intervals occupy (their coarse histograms, summaries and, in a long run, the
     * tail): the run's own data, which a retained-heap figure must not count; call after {@link #finish}.
     */
    long keptBytes() {
        long bytes = tail == null ? 0 : tail.getEstimatedFootprintInBytes();
        for (LatencyTimeline.Interval kept : intervals) {
            bytes += kept.coarse().getEstimatedFootprintInBytes() + INTERVAL_OVERHEAD_BYTES;
        }
        return bytes;
    }

    /** Return the recorded intervals with the notes they need; call after {@link #finish}. */
    LatencyTimeline timeline(List<LatencyTimeline.PhaseLatency> phases) {
        return new LatencyTimeline(intervalNanos, intervals, phases, notes);
    }

    private void run() {
        while (begun == 0 && !stopping) {
            LockSupport.park(this);
        }
        startNanos = begun;
        lastSwapNanos = startNanos;
        long every = progress == null ? Long.MAX_VALUE : progress.everyNanos();
        long nextProgress = progress == null ? Long.MAX_VALUE : startNanos + every;
        while (!stopping) {
            long wake = recorder != null ? nextBoundary() : nextProgress;
            parkUntil(wake);
            if (stopping) {
                return;
            }
            long now = System.nanoTime();
            if (recorder != null) {
                swap(now, false);
            }
            if (now >= nextProgress) {
                progress.print(now - startNanos);
                while (nextProgress <= now) {
                    nextProgress += every;
                }
            }
        }
    }

    /** Return the next interval boundary after the last swap: a multiple of the interval, or a phase end before it. */
    private long nextBoundary() {
        long since = lastSwapNanos - startNanos;
        long next = (since / intervalNanos + 1) * intervalNanos;
        for (long end : phaseEnds) {
            if (end > since && end < next) {
                next = end;
            }
        }
        return startNanos + next;
    }

    private void parkUntil(long deadline) {
        long left;
        while (!stopping && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Take the interval ending {@code now} from the recorder and keep its summary. */
    private void swap(long now, boolean last) {
        interval = recorder.getIntervalHistogram(interval);
        if (progress != null) {
            progress.add(interval);
        }
        if (tail == null && intervals.size() == MAX_INTERVALS - 1 && !last) {
            tail = LatencyHistograms.create();
            tailStart = lastSwapNanos;
            notes.add(String.format(Locale.ROOT, "the run outlasted %,d intervals of %s: the last interval holds the rest "
                    + "of it, from %s on", MAX_INTERVALS, Formats.nanos(intervalNanos), Formats.nanos(tailStart - startNanos)));
        }
        if (tail != null) {
            tail.add(interval);
            if (last) {
                keep(tailStart, now, tail);
            }
        } else if (!last || interval.getTotalCount() > 0) {
            keep(lastSwapNanos, now, interval);
        }
        lastSwapNanos = now;
    }

    private void keep(long from, long to, Histogram h) {
        AbstractHistogram coarse = LatencyTimeline.coarseHistogram();
        coarse.add(h);
        boolean any = h.getTotalCount() > 0;
        intervals.add(new LatencyTimeline.Interval(from - startNanos, to - startNanos, h.getTotalCount(),
                any ? h.getValueAtPercentile(50) : 0, any ? h.getValueAtPercentile(90) : 0,
                any ? h.getValueAtPercentile(99) : 0, any ? h.getMaxValue() : 0, coarse));
    }
}
