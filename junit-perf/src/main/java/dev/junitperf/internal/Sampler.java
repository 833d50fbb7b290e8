package dev.junitperf.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Run and time the body on one thread, recording into this thread's own histogram.
 *
 * <p>Design notes: the timed loops allocate nothing, take no lock and do no reflective lookup. Per
 * timing they read one volatile flag, call {@code System.nanoTime()} twice and record once. Bodies too
 * short to time one by one are timed in batches of {@code batch} invocations; each batch mean is
 * recorded once per invocation in the batch. A sampler is confined to its thread until the runner has
 * joined the thread, which publishes its fields.
 */
final class Sampler {

    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long PARK_THRESHOLD_NANOS = 200_000;
    private static final long SPIN_MARGIN_NANOS = 100_000;

    private final Body body;
    private final SamplingContext context;
    private final StopSignal stop;
    final Histogram latency = newHistogram();
    final Histogram uncorrected;

    long invocations;
    long timings;
    long errors;
    long warmupInvocations;
    long warmupErrors;
    Throwable firstError;
    Throwable abort;
    long endNanos;

    Sampler(Body body, SamplingContext context, StopSignal stop, boolean openLoop) {
        this.body = body;
        this.context = context;
        this.stop = stop;
        this.uncorrected = openLoop ? newHistogram() : null;
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    }

    /** Warm up for at least {@code minIterations} and until {@code untilNanos}, timing each call into {@code calibration}. */
    void warmup(long minIterations, long untilNanos, Histogram calibration) {
        context.warmup = true;
        context.invocation = 0;
        long now = System.nanoTime();
        for (long i = 0; (i < minIterations || now < untilNanos) && !stop.stopped(); i++) {
            context.untimedNanos = 0;
            context.invocation++;
            long start = System.nanoTime();
            try {
                body.invoke();
            } catch (Throwable t) {
                if (isAbort(t)) {
                    abort(t);
                    return;
                }
                warmupErrors++;
                keepFirst(t);
            }
            now = System.nanoTime();
            calibration.recordValue(clamp(now - start - context.untimedNanos));
            warmupInvocations++;
        }
        context.warmup = false;
        context.invocation = 0;
    }

    /** Measure exactly {@code count} invocations (fewer only if stopped). */
    void measureCount(long count, int batch) {
        long remaining = count;
        while (remaining > 0 && !stop.stopped()) {
            remaining -= timeBatch((int) Math.min(batch, remaining));
        }
        endNanos = System.nanoTime();
    }

    /** Measure until {@code deadlineNanos}. */
    void measureUntil(long deadlineNanos, int batch) {
        while (!stop.stopped() && System.nanoTime() < deadlineNanos) {
            timeBatch(batch);
        }
        endNanos = System.nanoTime();
    }

    /**
     * Time one batch of {@code size} invocations and return how many were attempted.
     *
     * <p>When an invocation fails, the batch ends there; the successful ones are recorded with the
     * batch's mean time, the failed one is counted as an error.
     */
    private int timeBatch(int size) {
        SamplingContext ctx = context;
        ctx.untimedNanos = 0;
        int done = 0;
        long start = System.nanoTime();
        try {
            while (done < size) {
                ctx.invocation++;
                body.invoke();
                done++;
            }
        } catch (Throwable t) {
            long elapsed = System.nanoTime() - start - ctx.untimedNanos;
            record(elapsed, done, done + 1);
            onError(t);
            return done + 1;
        }
        long elapsed = System.nanoTime() - start - ctx.untimedNanos;
        record(elapsed, size, size);
        return size;
    }

    private void record(long elapsedNanos, int succeeded, int attempted) {
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

    /**
     * Measure an open loop: invocation i is intended to start at {@code firstIntended + i * period}.
     *
     * <p>Latency is recorded from the intended start (coordinated omission corrected) and, in
     * {@link #uncorrected}, from the actual start. Stops after {@code count} invocations when
     * {@code count > 0}, else when the next intended start is past {@code deadlineNanos}.
     */
    void measureOpenLoop(long count, long deadlineNanos, long firstIntended, double periodNanos) {
        SamplingContext ctx = context;
        for (long i = 0; count <= 0 || i < count; i++) {
            long intended = firstIntended + (long) (i * periodNanos);
            if (stop.stopped() || (count <= 0 && intended >= deadlineNanos)) {
                break;
            }
            long start = waitUntil(intended);
            ctx.untimedNanos = 0;
            ctx.invocation++;
            try {
                body.invoke();
            } catch (Throwable t) {
                onError(t);
                continue;
            }
            long end = System.nanoTime();
            latency.recordValue(clamp(end - intended - ctx.untimedNanos));
            uncorrected.recordValue(clamp(end - start - ctx.untimedNanos));
            invocations++;
            timings++;
        }
        endNanos = System.nanoTime();
    }

    private long waitUntil(long intended) {
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

    private void onError(Throwable t) {
        if (t instanceof InterruptedException && stop.stopped()) {
            return;
        }
        if (isAbort(t)) {
            abort(t);
            return;
        }
        errors++;
        keepFirst(t);
    }

    private void keepFirst(Throwable t) {
        if (firstError == null) {
            firstError = t;
        }
    }

    private void abort(Throwable t) {
        abort = t;
        stop.stop();
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

    private static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS);
    }
}
