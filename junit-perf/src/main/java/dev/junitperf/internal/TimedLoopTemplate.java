package dev.junitperf.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import org.HdrHistogram.Histogram;

/**
 * Hold the timed loops; never used as is, but defined anew as a hidden class for every measuring thread.
 *
 * <p>Design notes: a loop shared by every test would share one JIT profile, so the call to the body
 * would be megamorphic and never inlined, and a {@code MethodHandle} held in an ordinary field is not a
 * constant either. {@link TimedLoopFactory} therefore defines this class's bytes as a hidden class whose
 * class data is the thread's body, a {@code ()void} handle already bound to the test instance, its
 * arguments and the thread's {@link SamplingContext}. {@link #BODY} is a {@code static final} of that hidden
 * class, which C2 treats as a constant, so it inlines the body into the loop as if the loop had been
 * written for this one test. Each hidden class also gets a fresh profile. Loops keep sampler state in
 * locals and write it back once, so the opaque parts of a body cannot force reloads on every timing.
 */
final class TimedLoopTemplate implements TimedLoops {

    private static final MethodHandle BODY;

    static {
        try {
            BODY = MethodHandles.classData(MethodHandles.lookup(), "_", MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void warmup(Sampler s, long minIterations, long untilNanos, Histogram calibration) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        ctx.warmup = true;
        ctx.invocation = 0;
        long now = System.nanoTime();
        long done = 0;
        while ((done < minIterations || now < untilNanos) && !stop.stopped()) {
            ctx.untimedNanos = 0;
            ctx.invocation++;
            long start = System.nanoTime();
            try {
                BODY.invokeExact();
            } catch (Throwable t) {
                if (!s.onWarmupError(t)) {
                    break;
                }
            }
            now = System.nanoTime();
            calibration.recordValue(Sampler.clamp(now - start - ctx.untimedNanos));
            done++;
        }
        s.warmupInvocations += done;
        ctx.warmup = false;
        ctx.invocation = 0;
    }

    @Override
    public void measureCount(Sampler s, long count, int batch) {
        if (batch == 1) {
            measureCountOneByOne(s, count);
            return;
        }
        long remaining = count;
        StopSignal stop = s.stop;
        while (remaining > 0 && !stop.stopped()) {
            remaining -= timeBatch(s, (int) Math.min(batch, remaining));
        }
        s.endNanos = System.nanoTime();
    }

    private static void measureCountOneByOne(Sampler s, long count) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        Histogram latency = s.latency;
        long succeeded = 0;
        long attempted = 0;
        while (attempted < count && !stop.stopped()) {
            ctx.untimedNanos = 0;
            ctx.invocation++;
            attempted++;
            long start = System.nanoTime();
            try {
                BODY.invokeExact();
            } catch (Throwable t) {
                s.onError(t);
                continue;
            }
            long end = System.nanoTime();
            latency.recordValue(Sampler.clamp(end - start - ctx.untimedNanos));
            succeeded++;
        }
        s.invocations += succeeded;
        s.timings += succeeded;
        s.endNanos = System.nanoTime();
    }

    @Override
    public void measureUntil(Sampler s, long deadlineNanos, int batch) {
        if (batch == 1) {
            measureUntilOneByOne(s, deadlineNanos);
            return;
        }
        StopSignal stop = s.stop;
        while (!stop.stopped() && System.nanoTime() < deadlineNanos) {
            timeBatch(s, batch);
        }
        s.endNanos = System.nanoTime();
    }

    private static void measureUntilOneByOne(Sampler s, long deadlineNanos) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        Histogram latency = s.latency;
        long succeeded = 0;
        long end = System.nanoTime();
        while (end < deadlineNanos && !stop.stopped()) {
            ctx.untimedNanos = 0;
            ctx.invocation++;
            long start = System.nanoTime();
            try {
                BODY.invokeExact();
            } catch (Throwable t) {
                s.onError(t);
                end = System.nanoTime();
                continue;
            }
            end = System.nanoTime();
            latency.recordValue(Sampler.clamp(end - start - ctx.untimedNanos));
            succeeded++;
        }
        s.invocations += succeeded;
        s.timings += succeeded;
        s.endNanos = end;
    }

    /**
     * Time one batch of {@code size} invocations and return how many were attempted.
     *
     * <p>When an invocation fails, the batch ends there; the successful ones are recorded with the
     * batch's mean time, the failed one is counted as an error.
     */
    private static int timeBatch(Sampler s, int size) {
        SamplingContext ctx = s.context;
        ctx.untimedNanos = 0;
        int done = 0;
        long start = System.nanoTime();
        try {
            while (done < size) {
                ctx.invocation++;
                BODY.invokeExact();
                done++;
            }
        } catch (Throwable t) {
            s.recordBatch(System.nanoTime() - start - ctx.untimedNanos, done, done + 1);
            s.onError(t);
            return done + 1;
        }
        s.recordBatch(System.nanoTime() - start - ctx.untimedNanos, size, size);
        return size;
    }

    @Override
    public void measureOpenLoop(Sampler s, long count, long deadlineNanos, long firstIntended, double periodNanos) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        for (long i = 0; count <= 0 || i < count; i++) {
            long intended = firstIntended + (long) (i * periodNanos);
            if (stop.stopped() || (count <= 0 && intended >= deadlineNanos)) {
                break;
            }
            long start = Sampler.waitUntil(intended, stop);
            ctx.untimedNanos = 0;
            ctx.invocation++;
            try {
                BODY.invokeExact();
            } catch (Throwable t) {
                s.onError(t);
                continue;
            }
            long end = System.nanoTime();
            s.latency.recordValue(Sampler.clamp(end - intended - ctx.untimedNanos));
            s.uncorrected.recordValue(Sampler.clamp(end - start - ctx.untimedNanos));
            s.invocations++;
            s.timings++;
        }
        s.endNanos = System.nanoTime();
    }
}
