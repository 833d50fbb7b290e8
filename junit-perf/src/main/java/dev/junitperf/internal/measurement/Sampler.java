package dev.junitperf.internal.measurement;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.junitperf.PerfClock;
import dev.junitperf.internal.statistics.LatencyHistograms;

/**
 * Hold one measuring thread's state, recording into this thread's own histograms.
 *
 * <p>Design notes: the timed loops live in {@link TimedLoopTemplate}, copied as a hidden class per
 * thread so the body and the clock are JIT constants. Per timing they read one volatile flag, the clock
 * twice (and {@code nanoTime} twice more on the CPU and schedstat clocks) and record once per histogram:
 * no allocation, no lock, no reflective lookup. {@link #latency} holds the judged clock's figures and
 * {@link #wall} the wall-clock ones when the judged clock is another. A sampler is confined to its thread
 * (the one that called {@link #bindToCurrentThread}) until the runner has joined that thread, or until a
 * barrier hands it to the barrier's action while the thread waits.
 */
final class Sampler {

    static final long HIGHEST_TRACKABLE_NANOS = LatencyHistograms.HIGHEST_TRACKABLE_NANOS;
    private static final long PARK_THRESHOLD_NANOS = 200_000;
    private static final long SPIN_MARGIN_NANOS = 100_000;
    /** Warmup re-estimates the batch after every chunk of this length. */
    private static final long CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How much longer than its time a warmup may go on while the JIT is busy: a test JVM's compile queue can take seconds. */
    private static final long MAX_EXTENSION_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * Chunks in a row the JIT must have been idle through before warmup may end. One was not enough: while Jackson
     * warms up, its methods reach C2's thresholds one after another for seconds (40–60 compilations per 250 ms, so
     * gaps of a few milliseconds), and a warmup that ended in such a gap measured 1.5× the settled figure.
     */
    private static final int JIT_IDLE_CHUNKS = 5;
    /** Timings on one path (one by one, or batched) after which C2 has compiled it. */
    private static final long SETTLED_TIMINGS = 20_000;
    private static final int BOUNDARIES = 4_096;
    /** Pairs of chunks the timing-cost probe alternates ({@link #probeTimingCost}); even. */
    private static final int PROBE_PAIRS = 12;
    private static final long PROBE_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** The smallest difference between the two batch sizes' means, as a share of the reference mean, that is corrected. */
    private static final double PROBE_SIGNIFICANT_SHARE = 0.03;

    final SamplingContext context;
    final StopSignal stop;
    final PerfClock clock;
    final Histogram latency = newHistogram();
    final Histogram wall;
    final Histogram uncorrected;
    final NoiseProbe noise = new NoiseProbe();
    private final TimedLoops loops;
    /** This thread's share of an open loop's schedule; {@code null} in a closed loop. */
    ArrivalSchedule.Arrivals arrivals;
    /** Latency over time; {@code null} until the measurement starts, and in runs that record none. */
    IntervalRecorder intervals;
    /** Per-phase figures of a load profile; {@code null} until the measurement starts, and without a profile. */
    PhaseHistograms phases;
    RunQueueClock runQueue;
    long judgedCost;
    long wallCost;

    long lastEndNanos;
    /** Sums of the judged and wall figures, unrounded: the exact means (histograms keep whole nanoseconds). */
    double judgedSumNanos;
    double wallSumNanos;
    long invocations;
    long timings;
    long errors;
    long warmupInvocations;
    long warmupErrors;
    private boolean warmingUp;
    Throwable firstError;
    Throwable abort;
    long allocatedBytes;
    int preferredBatch = 1;
    /** Whether warmup ended with the measured path settled, not because it reached twice its time. */
    boolean warmupSettled = true;
    /** What a timing costs this body beyond the calibration, when warmup measured it; {@code null} otherwise. */
    TimingCost timingCost;
    /** The median per invocation of warmup's last chunk, in nanoseconds; -1 when warmup timed no chunk. */
    long warmupMedianNanos = -1;
    private long openIndex;
    private long[] boundaryTimes;
    private long[] boundaryWaits;
    private int boundaryCount;
    private int boundaryHead;

    Sampler(MethodHandle body, SamplingContext context, StopSignal stop, PerfClock clock, boolean openLoop) {
        this.loops = TimedLoopFactory.forBody(body, Clocks.code(clock));
        this.context = context;
        this.stop = stop;
        this.clock = clock;
        this.wall = clock == PerfClock.WALL ? null : newHistogram();
        this.uncorrected = openLoop ? newHistogram() : null;
    }

    static Histogram newHistogram() {
        return LatencyHistograms.create();
    }

    /** Open this thread's clock resources; call on the measuring thread before anything else. */
    void bindToCurrentThread(TimerCalibration.Calibration calibration) {
        judgedCost = calibration.judgedCostNanos();
        wallCost = calibration.wallCostNanos();
        if (clock == PerfClock.WALL_MINUS_RUNQUEUE) {
            runQueue = RunQueueClock.openForCurrentThread();
        }
        context.bind(Clocks.code(clock), runQueue);
        noise.open();
    }

    /** Close this thread's clock resources. */
    void unbind() {
        noise.close();
        if (runQueue != null) {
            runQueue.close();
        }
    }

    /**
     * Warm up on the measured path until both limits are met, settling the batch size; return that batch.
     *
     * <p>Warmup runs the closed loop in chunks of 10 ms, starting one invocation per timing. After each
     * chunk it re-estimates the body's time from the chunk's own timings and re-chooses the batch (at most
     * {@code cap}). It ends once {@code minIterations} are done, {@code untilNanos} has passed, the current
     * path (one by one, or batched) has run for a quarter of the warmup or 20,000 timings, and the path looks
     * compiled: the last chunk was not faster than the one before by more than 10 % and the JIT has been idle
     * for the last {@value #JIT_IDLE_CHUNKS} chunks ({@link JitActivity}). In a JVM that has just run many tests,
     * or on a busy machine, C2 may still be compiling, or waiting for a CPU to compile on, when the warmup time
     * is up; the checks then extend a timed warmup by up to its own length or two seconds, whichever is longer
     * (a count-only warmup is never extended), and a warmup that ends unsettled is reported.
     *
     * <p>A timed warmup that has settled then rehearses the measurement: from the next chunk on the body sees
     * {@code warmup()} false, and the same checks must hold again, at least one chunk later. A body that branches
     * on {@code warmup()} has only ever taken its warmup side until then, so C2 compiled the other side as an
     * uncommon trap; without the rehearsal the first measured invocation deoptimized the measured path, and a
     * hash lookup that counted its measured invocations read 5.4–8.5× a 1 s run of the plain lookup in the same JVM
     * at 10,000 iterations, 3.4–4.1× at 100,000. A count-only warmup is exactly its count and has no rehearsal.
     */
    int warmup(long minIterations, long untilNanos, int cap, TimerCalibration.Calibration calibration) {
        double perTimingNanos = calibration.perTimingNanos();
        long startNanos = System.nanoTime();
        long span = Math.max(0, untilNanos - startNanos);
        if (minIterations <= 0 && span == 0) {
            return 1;
        }
        beginWarmup();
        // A count-only warmup (warmupMs = 0) is exactly the count the user asked for; only a timed one extends.
        long hardEnd = span == 0 ? untilNanos : untilNanos + Math.max(span, MAX_EXTENSION_NANOS);
        int batch = 1;
        long pathSince = startNanos;
        long pathTimings = 0;
        long done = 0;
        boolean compiled = false;
        long previousMedian = Long.MAX_VALUE;
        JitActivity jit = JitActivity.observe();
        long lastToken = -1;
        int idleChunks = 0;
        boolean rehearsing = false;
        while (!stop.stopped()) {
            long now = System.nanoTime();
            boolean enough = done >= minIterations && now >= untilNanos;
            boolean settled = (now - pathSince >= span / 4 || pathTimings >= SETTLED_TIMINGS) && compiled;
            if (enough && (settled || now >= hardEnd)) {
                if (!settled || rehearsing || span == 0) {
                    warmupSettled = settled;
                    break;
                }
                // Settled with the body seeing warmup() true: rehearse its measured side, from the next chunk on,
                // until that has settled too.
                rehearsing = true;
                context.warmup = false;
                compiled = false;
            }
            long count = now >= untilNanos && done < minIterations ? minIterations - done : Long.MAX_VALUE;
            long before = timings;
            long jitBefore = jit.token();
            done += loops.closedLoop(this, count, now + CHUNK_NANOS, batch);
            pathTimings += timings - before;
            if (latency.getTotalCount() > 0) {
                long median = latency.getValueAtPercentile(50);
                long jitAfter = jit.token();
                boolean idle = jitBefore >= 0 && jitAfter == jitBefore;
                idleChunks = idle ? (jitBefore == lastToken ? idleChunks + 1 : 1) : 0;
                lastToken = jitAfter;
                compiled = median >= previousMedian * 0.9 && idleChunks >= JIT_IDLE_CHUNKS;
                previousMedian = median;
                warmupMedianNanos = median;
                int next = BatchPolicy.choose(median, perTimingNanos, cap);
                if (BatchPolicy.differs(batch, next)) {
                    if ((batch == 1) != (next == 1)) {
                        pathSince = System.nanoTime();
                        pathTimings = 0;
                    }
                    // A batch mean of another size is not comparable with the previous chunk's.
                    previousMedian = Long.MAX_VALUE;
                    compiled = false;
                    batch = next;
                }
            }
            clearRecorded();
        }
        if (warmupSettled && span > 0 && clock == PerfClock.WALL && batch > 1 && previousMedian != Long.MAX_VALUE
                && !stop.stopped()) {
            int reference = BatchPolicy.choose(previousMedian, perTimingNanos, BatchPolicy.MAX_BATCH);
            if (reference >= 2 * batch) {
                done += probeTimingCost(batch, reference, calibration.resolutionNanos());
            }
        }
        endWarmup(done);
        return batch;
    }

    /**
     * Measure what a timing of {@code batch} invocations costs this body beyond the calibrated empty timing, when a
     * fixed count caps the batch below the {@code reference} batch that {@link BatchPolicy} wants; return the
     * invocations run.
     *
     * <p>Design notes: a timing's fixed cost {@code c} (see {@link BatchPolicy}) adds {@code c / k} to the mean of a
     * timing of {@code k} invocations. Chunks of both sizes alternate, their order swapped from pair to pair so that a
     * machine speeding up or slowing down moves both alike; the median difference {@code d} of the pairs' means
     * gives {@code c = d·k·K / (K − k)}. It is kept only when at least three pairs in four agree on its sign, {@code d}
     * is at least {@value #PROBE_SIGNIFICANT_SHARE} of the reference mean and {@code c} is more than the timer's
     * resolution, so a quiet body gets no correction from noise; nor does a body of under
     * {@link RunMerger#EMPTY_LOOP_FLOOR_NANOS} per invocation, which the result flags below the timer's resolution
     * anyway (an empty body's batches differ by 0.1–0.5 ns, 3–19 ns a timing, about its resolution). A negative cost
     * (the calibration subtracted more than this body pays) is kept too.
     */
    private long probeTimingCost(int batch, int reference, long resolutionNanos) {
        double[] differences = new double[PROBE_PAIRS];
        double[] referenceMeans = new double[PROBE_PAIRS];
        long done = 0;
        for (int p = 0; p < PROBE_PAIRS; p++) {
            boolean batchFirst = (p & 1) == 0;
            double first = chunkMean(batchFirst ? batch : reference);
            done += invocations + errors;
            double second = chunkMean(batchFirst ? reference : batch);
            done += invocations + errors;
            if (Double.isNaN(first) || Double.isNaN(second) || stop.stopped()) {
                clearRecorded();
                return done;
            }
            differences[p] = batchFirst ? first - second : second - first;
            referenceMeans[p] = batchFirst ? second : first;
        }
        clearRecorded();
        timingCost = TimingCost.judge(batch, reference, differences, referenceMeans, resolutionNanos);
        return done;
    }

    /** Run the timed loop for one probe chunk at {@code batch} and return its mean per invocation, NaN if none succeeded. */
    private double chunkMean(int batch) {
        clearRecorded();
        loops.closedLoop(this, Long.MAX_VALUE, System.nanoTime() + PROBE_CHUNK_NANOS, batch);
        return invocations == 0 ? Double.NaN : judgedSumNanos / invocations;
    }

    /**
     * What a timing costs one body beyond the calibrated empty timing, measured in warmup.
     *
     * @param batch the invocations per timing the fixed count allows
     * @param reference the invocations per timing {@link BatchPolicy} wants
     * @param batchMeanNanos the mean per invocation in timings of {@code batch}
     * @param referenceMeanNanos the mean per invocation in timings of {@code reference}
     * @param costNanos the extra cost per timing, subtracted from every measured timing
     * @param agreeing how many probe pairs agreed on its sign
     * @param pairs how many pairs were run
     */
    record TimingCost(int batch, int reference, double batchMeanNanos, double referenceMeanNanos, long costNanos,
                      int agreeing, int pairs) {

        /**
         * Return the cost the probe's pairs show, or {@code null} when they do not show one clearly (see
         * {@link Sampler#probeTimingCost}).
         *
         * @param differences per pair, the mean per invocation at {@code batch} less the mean at {@code reference}
         * @param referenceMeans per pair, the mean per invocation at {@code reference}
         */
        static TimingCost judge(int batch, int reference, double[] differences, double[] referenceMeans, long resolutionNanos) {
            int pairs = differences.length;
            double difference = median(differences);
            double referenceMean = median(referenceMeans);
            int agreeing = 0;
            for (double d : differences) {
                agreeing += Math.signum(d) == Math.signum(difference) && d != 0 ? 1 : 0;
            }
            long cost = Math.round(difference * batch * reference / (reference - batch));
            boolean clear = agreeing * 4 >= pairs * 3 && Math.abs(difference) >= PROBE_SIGNIFICANT_SHARE * referenceMean
                    && Math.abs(cost) > resolutionNanos && referenceMean >= RunMerger.EMPTY_LOOP_FLOOR_NANOS;
            return clear ? new TimingCost(batch, reference, referenceMean + difference, referenceMean, cost, agreeing, pairs) : null;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /**
     * Warm up an open loop: the first half as fast as possible (to compile the body), the second on the open
     * loop's own path, at this thread's share of the test's rate ({@code warmupArrivals}).
     */
    void warmupOpenLoop(long minIterations, long untilNanos, ArrivalSchedule.Arrivals warmupArrivals, double periodNanos) {
        long startNanos = System.nanoTime();
        if (minIterations <= 0 && untilNanos <= startNanos) {
            return;
        }
        beginWarmup();
        long half = startNanos + (untilNanos - startNanos) / 2;
        long done = loops.closedLoop(this, Math.max(1, minIterations / 2), half, 1);
        while (System.nanoTime() < half && !stop.stopped()) {
            done += loops.closedLoop(this, Long.MAX_VALUE, half, 1);
        }
        long remaining = Math.max(0, minIterations - done);
        long scheduledEnd = Math.max(untilNanos, System.nanoTime() + (long) (remaining * periodNanos));
        done += loops.openLoop(this, 0, remaining > 0 ? remaining : 0, remaining > 0 ? Long.MAX_VALUE : scheduledEnd,
                System.nanoTime(), warmupArrivals);
        clearRecorded();
        endWarmup(done);
    }

    private void beginWarmup() {
        warmingUp = true;
        context.warmup = true;
        context.invocation = 0;
    }

    private void endWarmup(long done) {
        warmupInvocations += done;
        warmingUp = false;
        context.warmup = false;
        context.invocation = 0;
        boundaryCount = 0;
    }

    private void clearRecorded() {
        latency.reset();
        if (wall != null) {
            wall.reset();
        }
        if (uncorrected != null) {
            uncorrected.reset();
        }
        invocations = 0;
        timings = 0;
        errors = 0;
        judgedSumNanos = 0;
        wallSumNanos = 0;
    }

    /**
     * Run the measured path, unrecorded, until a timing ends at or after {@code untilNanos}: the lead-in between
     * the measure gate and the measured window ({@link MeasurementSchedule#LEAD_IN_NANOS}).
     *
     * <p>Its invocations are warmup invocations (counted in {@link #warmupInvocations}, failures are warmup
     * failures), but the body sees them as measured ({@link SamplingContext#warmup()} is false), as in the
     * rehearsal that ends a timed warmup; nothing it times reaches the latency-over-time recorder or a load
     * profile's phases.
     */
    void leadIn(long untilNanos, int batch) {
        IntervalRecorder measuredIntervals = intervals;
        PhaseHistograms measuredPhases = phases;
        intervals = null;
        phases = null;
        beginWarmup();
        // A rehearsal: the body sees the measured side, as at the end of a timed warmup (see warmup).
        context.warmup = false;
        try {
            long done = loops.closedLoop(this, Long.MAX_VALUE, untilNanos, batch);
            clearRecorded();
            endWarmup(done);
        } finally {
            intervals = measuredIntervals;
            phases = measuredPhases;
        }
    }

    /** Measure exactly {@code count} invocations (fewer only if stopped). */
    void measureCount(long count, int batch) {
        loops.closedLoop(this, count, Long.MAX_VALUE, batch);
    }

    /** Measure until a timing ends at or after {@code deadlineNanos}. */
    void measureUntil(long deadlineNanos, int batch) {
        loops.closedLoop(this, Long.MAX_VALUE, deadlineNanos, batch);
    }

    /**
     * Continue this thread's open loop: invocation i is intended to start at {@code baseNanos + arrivals.offsetNanos(i)}.
     *
     * <p>Latency is recorded from the intended start (coordinated omission corrected) and, in
     * {@link #uncorrected}, from the actual start. Stops after {@code count} invocations in all when
     * {@code count > 0}, else before the first whose intended start is at or after {@code deadlineNanos}.
     */
    void measureOpenLoop(long count, long deadlineNanos, long baseNanos) {
        openIndex = loops.openLoop(this, openIndex, count, deadlineNanos, baseNanos, arrivals);
    }

    /**
     * Record one timing from raw window lengths, less the calibrated timer cost, as its mean per invocation;
     * {@code wallRaw} is ignored on the wall clock.
     */
    void recordTiming(long judgedRaw, long wallRaw, int succeeded, int attempted) {
        if (succeeded == 0) {
            return;
        }
        if (attempted == 1) {
            // The one-by-one path, where this method is most of the harness's cost per sample: no division, no
            // scaling, each figure clamped once.
            long judged = clamp(judgedRaw - judgedCost);
            judgedSumNanos += judged;
            latency.recordValue(judged);
            if (wall == null) {
                wallSumNanos += clamp(judgedRaw - wallCost);
            } else {
                long wallNanos = clamp(wallRaw - wallCost);
                wallSumNanos += wallNanos;
                wall.recordValue(wallNanos);
            }
            if (intervals != null) {
                intervals.record(judged);
            }
        } else {
            double share = (double) succeeded / attempted;
            judgedSumNanos += clamp(judgedRaw - judgedCost) * share;
            wallSumNanos += clamp((wall == null ? judgedRaw : wallRaw) - wallCost) * share;
            long judged = perInvocation(judgedRaw - judgedCost, attempted);
            latency.recordValueWithCount(judged, succeeded);
            if (wall != null) {
                wall.recordValueWithCount(perInvocation(wallRaw - wallCost, attempted), succeeded);
            }
            if (intervals != null) {
                intervals.record(judged, succeeded);
            }
        }
        invocations += succeeded;
        timings++;
    }

    /**
     * Record one open-loop invocation: its judged figure, its coordinated-omission corrected wall latency and
     * its uncorrected one (on the wall clock the judged figure is the corrected latency).
     */
    void recordScheduled(long judged, long corrected, long uncorrectedNanos) {
        latency.recordValue(judged);
        if (wall != null) {
            wall.recordValue(corrected);
        }
        uncorrected.recordValue(uncorrectedNanos);
        if (intervals != null) {
            intervals.record(judged);
        }
        if (phases != null) {
            phases.record(judged);
        }
        judgedSumNanos += judged;
        wallSumNanos += corrected;
        invocations++;
        timings++;
    }

    /** Round to the nearest nanosecond rather than truncate, which would bias a 12.9 ns body to 12 ns. */
    private static long perInvocation(long nanos, int invocations) {
        return clamp(Math.floorDiv(nanos + invocations / 2, invocations));
    }

    /** Note a failed invocation that ended at {@code endNanos}; return 1, the invocations attempted. */
    int failed(long endNanos, Throwable t) {
        lastEndNanos = endNanos;
        if (warmingUp) {
            onWarmupError(t);
        } else {
            onError(t);
        }
        return 1;
    }

    /**
     * Return the run-queue waits of this thread since an open-loop invocation's intended start.
     *
     * <p>On time ({@code intended} after the previous invocation ended), the waits since the actual start
     * count ({@code w1 - w0}), and of the waits while waiting for the start ({@code w0 - wPre}) as much as
     * fits after the intended start ({@code start - intended}): a thread woken on time but kept off the CPU
     * past its start by other processes. Behind schedule, the backlog that delayed this invocation includes
     * waits during earlier invocations, so the count starts at the last invocation boundary before the
     * intended start, kept in a ring of the last 4,096 boundaries (older ones fall back to the oldest kept:
     * fewer waits removed, never more).
     */
    long waitedSince(long intended, long start, long wPre, long w0, long t1, long w1) {
        if (boundaryTimes == null) {
            boundaryTimes = new long[BOUNDARIES];
            boundaryWaits = new long[BOUNDARIES];
        }
        long waited;
        if (boundaryCount > 0 && intended < boundaryTimes[index(boundaryCount - 1)]) {
            int lo = 0;
            int hi = boundaryCount - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (boundaryTimes[index(mid)] <= intended) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            waited = w1 - boundaryWaits[index(lo)];
        } else {
            waited = w1 - w0 + Math.min(w0 - wPre, Math.max(0, start - intended));
        }
        boundaryTimes[boundaryHead] = t1;
        boundaryWaits[boundaryHead] = w1;
        boundaryHead = (boundaryHead + 1) % BOUNDARIES;
        boundaryCount = Math.min(BOUNDARIES, boundaryCount + 1);
        return Math.max(0, waited);
    }

    private int index(int logical) {
        return Math.floorMod(boundaryHead - boundaryCount + logical, BOUNDARIES);
    }

    static long waitUntil(long intended, StopSignal stop) {
        long now = System.nanoTime();
        while (now < intended && !stop.stopped()) {
            long gap = intended - now;
            if (gap > PARK_THRESHOLD_NANOS) {
                LockSupport.parkNanos(gap - SPIN_MARGIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
            now = System.nanoTime();
        }
        return now;
    }

    /** Count a failed measured invocation, or stop the run for an assumption failure. */
    void onError(Throwable t) {
        if (t instanceof InterruptedException && stop.stopped()) {
            return;
        }
        if (isAbort(t)) {
            abort = t;
            stop.stop();
            return;
        }
        errors++;
        if (phases != null) {
            phases.failed();
        }
        keepFirst(t);
    }

    /** Count a failed warmup invocation, or stop the run for an assumption failure. */
    void onWarmupError(Throwable t) {
        if (isAbort(t)) {
            abort = t;
            stop.stop();
            return;
        }
        if (!(t instanceof InterruptedException && stop.stopped())) {
            warmupErrors++;
            keepFirst(t);
        }
    }

    private void keepFirst(Throwable t) {
        if (firstError == null) {
            firstError = t;
        }
    }

    /** Recognise JUnit's assumption failure without depending on opentest4j at run time. */
    static boolean isAbort(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.opentest4j.TestAbortedException")) {
                return true;
            }
        }
        return false;
    }

    static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS);
    }
}
