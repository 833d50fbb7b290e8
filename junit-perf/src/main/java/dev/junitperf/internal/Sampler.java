package dev.junitperf.internal;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Hold one measuring thread's state, recording into this thread's own histogram.
 *
 * <p>Design notes: the timed loops live in {@link TimedLoopTemplate}, copied as a hidden class per
 * thread so the body is a JIT constant. Per timing they read one volatile flag, call
 * {@code System.nanoTime()} twice and record once: no allocation, no lock, no reflective lookup.
 * Bodies too short to time one by one are timed in batches; each batch mean is recorded once per
 * invocation in the batch. A sampler is confined to its thread until the runner has joined the
 * thread, which publishes its fields.
 */
final class Sampler {

    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long PARK_THRESHOLD_NANOS = 200_000;
    private static final long SPIN_MARGIN_NANOS = 100_000;

    final SamplingContext context;
    final StopSignal stop;
    final Histogram latency = newHistogram();
    final Histogram uncorrected;
    private final TimedLoops loops;

    long invocations;
    long timings;
    long errors;
    long warmupInvocations;
    long warmupErrors;
    Throwable firstError;
    Throwable abort;
    long endNanos;
    long allocatedBytes;

    Sampler(MethodHandle body, SamplingContext context, StopSignal stop, boolean openLoop) {
        this.loops = TimedLoopFactory.forBody(body);
        this.context = context;
        this.stop = stop;
        this.uncorrected = openLoop ? newHistogram() : null;
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    }

    void warmup(long minIterations, long untilNanos, Histogram calibration) {
        loops.warmup(this, minIterations, untilNanos, calibration);
    }

    void measureCount(long count, int batch) {
        loops.measureCount(this, count, batch);
    }

    void measureUntil(long deadlineNanos, int batch) {
        loops.measureUntil(this, deadlineNanos, batch);
    }

    /**
     * Measure an open loop: invocation i is intended to start at {@code firstIntended + i * period}.
     *
     * <p>Latency is recorded from the intended start (coordinated omission corrected) and, in
     * {@link #uncorrected}, from the actual start. Stops after {@code count} invocations when
     * {@code count > 0}, else when the next intended start is past {@code deadlineNanos}.
     */
    void measureOpenLoop(long count, long deadlineNanos, long firstIntended, double periodNanos) {
        loops.measureOpenLoop(this, count, deadlineNanos, firstIntended, periodNanos);
    }

    void recordBatch(long elapsedNanos, int succeeded, int attempted) {
        if (succeeded == 0) {
            return;
        }
        if (attempted == 1) {
            latency.recordValue(clamp(elapsedNanos));
        } else {
            latency.recordValueWithCount(clamp(elapsedNanos / attempted), succeeded);
        }
        invocations += succeeded;
        timings++;
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
        keepFirst(t);
    }

    /** Count a failed warmup invocation; return false if the run must stop. */
    boolean onWarmupError(Throwable t) {
        if (isAbort(t)) {
            abort = t;
            stop.stop();
            return false;
        }
        if (!(t instanceof InterruptedException && stop.stopped())) {
            warmupErrors++;
            keepFirst(t);
        }
        return true;
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
