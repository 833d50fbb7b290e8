package dev.junitperf.internal.measurement;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Hold the timed loops; never used as is, but defined anew as a hidden class for every measuring thread.
 *
 * <p>Design notes: a loop shared by every test would share one JIT profile, so the call to the body
 * would be megamorphic and never inlined, and a {@code MethodHandle} held in an ordinary field is not a
 * constant either. {@link TimedLoopFactory} therefore defines this class's bytes as a hidden class whose
 * class data is the thread's body, a {@code ()void} handle already bound to the test instance, its
 * arguments and the thread's {@link SamplingContext}, and the clock. {@link #BODY} and {@link #CLOCK} are
 * {@code static final} fields of that hidden class, which C2 treats as constants: it inlines the body into
 * the loop as if the loop had been written for this one test, and folds the clock's branches away. Each
 * hidden class also gets a fresh profile.
 *
 * <p>Every timing is one call of the clock's timing method ({@link #timeWall}, {@link #timeCpu},
 * {@link #timeRunQueue}), a single invocation being a batch of one: warmup runs exactly these with the batch
 * size it settles on, so they are compiled before the first measured timing. Each is small enough for C2 to
 * inline, and compiles quickly even when the compiler threads share the cores with other work. Every
 * invocation in a batch reads the stop flag, a volatile, as JMH's loop reads its {@code isDone}: so the JIT
 * and the CPU do not overlap consecutive calls (an unrolled loop of independent {@code Math.log} calls ran
 * 14–17 ns a call against 23–26 ns for one call after another), and a timeout stops a batch mid-way. The
 * invocation number is counted in a local and stored before each call: read back from the context after the
 * volatile read, it would make a load-store chain through memory of every call (an empty body read 3 ns). Clock reads are
 * ordered so that each figure's window holds only what it must: for {@code CPU} the wall reads sit inside
 * the CPU reads, for {@code WALL_MINUS_RUNQUEUE} the schedstat reads sit inside an outer wall window
 * (so a wait can never be subtracted from a window that does not contain it) around a tight inner one.
 * The calibrated cost of an empty window ({@link Sampler#judgedCost}, {@link Sampler#wallCost}) is
 * subtracted from every timing.
 */
final class TimedLoopTemplate implements TimedLoops {

    private static final MethodHandle BODY;
    private static final int CLOCK;

    static {
        try {
            BODY = MethodHandles.classDataAt(MethodHandles.lookup(), "_", MethodHandle.class, 0);
            CLOCK = MethodHandles.classDataAt(MethodHandles.lookup(), "_", Integer.class, 1);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public long closedLoop(Sampler s, long count, long deadlineNanos, int batch) {
        StopSignal stop = s.stop;
        long attempted = 0;
        while (attempted < count && !stop.stopped()) {
            int size = (int) Math.min(batch, count - attempted);
            // CLOCK is a constant: C2 keeps one of the three calls. Each is a small method of its own, so it is
            // compiled soon and inlined here, rather than one large method that stays at C1 on a busy machine.
            attempted += CLOCK == Clocks.WALL ? timeWall(s, size)
                    : CLOCK == Clocks.CPU ? timeCpu(s, size) : timeRunQueue(s, size);
            if (s.lastEndNanos >= deadlineNanos) {
                break;
            }
        }
        return attempted;
    }

    /**
     * Time {@code size} invocations on the wall clock and return how many were attempted.
     *
     * <p>When an invocation fails, the timing ends there; the successful ones are recorded with the
     * timing's mean, the failed one is counted as an error. The same holds for the other clocks.
     */
    private static int timeWall(Sampler s, int size) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        ctx.untimedNanos = 0;
        ctx.untimedWallNanos = 0;
        int done = 0;
        long invocation = ctx.invocation;
        long t0 = System.nanoTime();
        try {
            while (done < size && !stop.stopped()) {
                ctx.invocation = ++invocation;
                BODY.invokeExact();
                done++;
            }
        } catch (Throwable t) {
            long t1 = System.nanoTime();
            s.recordTiming(t1 - t0 - ctx.untimedWallNanos, 0, done, done + 1);
            return s.failed(t1, t) + done;
        }
        long t1 = System.nanoTime();
        s.lastEndNanos = t1;
        s.recordTiming(t1 - t0 - ctx.untimedWallNanos, 0, done, done);
        return done;
    }

    /** Time {@code size} invocations on the thread's CPU time, with the wall reads inside the CPU window. */
    private static int timeCpu(Sampler s, int size) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        ctx.untimedNanos = 0;
        ctx.untimedWallNanos = 0;
        int done = 0;
        long invocation = ctx.invocation;
        long c0 = ThreadCpuClock.now();
        long t0 = System.nanoTime();
        try {
            while (done < size && !stop.stopped()) {
                ctx.invocation = ++invocation;
                BODY.invokeExact();
                done++;
            }
        } catch (Throwable t) {
            long t1 = System.nanoTime();
            long c1 = ThreadCpuClock.now();
            s.recordTiming(c1 - c0 - ctx.untimedNanos, t1 - t0 - ctx.untimedWallNanos, done, done + 1);
            return s.failed(t1, t) + done;
        }
        long t1 = System.nanoTime();
        long c1 = ThreadCpuClock.now();
        s.lastEndNanos = t1;
        s.recordTiming(c1 - c0 - ctx.untimedNanos, t1 - t0 - ctx.untimedWallNanos, done, done);
        return done;
    }

    /**
     * Time {@code size} invocations as wall time minus run-queue waits: the schedstat reads sit inside an outer
     * wall window (so a wait is never subtracted from a window that does not contain it), around a tight inner
     * window for the wall figure.
     */
    private static int timeRunQueue(Sampler s, int size) {
        SamplingContext ctx = s.context;
        StopSignal stop = s.stop;
        RunQueueClock queue = s.runQueue;
        ctx.untimedNanos = 0;
        ctx.untimedWallNanos = 0;
        int done = 0;
        long invocation = ctx.invocation;
        long a0 = System.nanoTime();
        long w0 = queue.waitingNanos();
        long t0 = System.nanoTime();
        try {
            while (done < size && !stop.stopped()) {
                ctx.invocation = ++invocation;
                BODY.invokeExact();
                done++;
            }
        } catch (Throwable t) {
            long t1 = System.nanoTime();
            long w1 = queue.waitingNanos();
            long a1 = System.nanoTime();
            s.recordTiming(a1 - a0 - (w1 - w0) - ctx.untimedNanos, t1 - t0 - ctx.untimedWallNanos, done, done + 1);
            return s.failed(a1, t) + done;
        }
        long t1 = System.nanoTime();
        long w1 = queue.waitingNanos();
        long a1 = System.nanoTime();
        s.lastEndNanos = a1;
        s.recordTiming(a1 - a0 - (w1 - w0) - ctx.untimedNanos, t1 - t0 - ctx.untimedWallNanos, done, done);
        return done;
    }

    @Override
    public long openLoop(Sampler s, long index, long count, long deadlineNanos, long baseNanos,
                         ArrivalSchedule.Arrivals arrivals) {
        StopSignal stop = s.stop;
        long i = index;
        while ((count <= 0 || i < count) && !stop.stopped()) {
            long intended = baseNanos + arrivals.offsetNanos(i);
            if (intended >= deadlineNanos) {
                break;
            }
            timeScheduled(s, intended);
            i++;
        }
        return i;
    }

    /**
     * Time one invocation of an open loop, from its intended start (coordinated omission corrected).
     *
     * <p>The judged figure is, for {@code WALL}, the corrected latency; for {@code CPU}, the invocation's
     * own CPU time; for {@code WALL_MINUS_RUNQUEUE}, the corrected latency minus the run-queue waits since
     * the intended start ({@link Sampler#waitedSince}), so a late wake-up or a backlog that other processes
     * caused by taking the CPU is removed too. The corrected wall latency is always kept, and so is the uncorrected one.
     */
    private static void timeScheduled(Sampler s, long intended) {
        SamplingContext ctx = s.context;
        long wPre = CLOCK == Clocks.WALL_MINUS_RUNQUEUE ? s.runQueue.waitingNanos() : 0;
        long start = Sampler.waitUntil(intended, s.stop);
        ctx.untimedNanos = 0;
        ctx.untimedWallNanos = 0;
        ctx.invocation++;
        long c0 = CLOCK == Clocks.CPU ? ThreadCpuClock.now() : 0;
        long w0 = CLOCK == Clocks.WALL_MINUS_RUNQUEUE ? s.runQueue.waitingNanos() : 0;
        long t0 = System.nanoTime();
        try {
            BODY.invokeExact();
        } catch (Throwable t) {
            s.failed(System.nanoTime(), t);
            return;
        }
        long t1 = System.nanoTime();
        s.lastEndNanos = t1;
        long corrected = Sampler.clamp(t1 - intended - ctx.untimedWallNanos - s.wallCost);
        long judged = corrected;
        if (CLOCK == Clocks.CPU) {
            judged = Sampler.clamp(ThreadCpuClock.now() - c0 - ctx.untimedNanos - s.judgedCost);
        } else if (CLOCK == Clocks.WALL_MINUS_RUNQUEUE) {
            long w1 = s.runQueue.waitingNanos();
            long waited = s.waitedSince(intended, start, wPre, w0, t1, w1);
            judged = Sampler.clamp(corrected - waited - (ctx.untimedNanos - ctx.untimedWallNanos));
        }
        s.recordScheduled(judged, corrected, Sampler.clamp(t1 - t0 - ctx.untimedWallNanos - s.wallCost));
    }
}
