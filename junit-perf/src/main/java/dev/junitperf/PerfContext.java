package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.function.Supplier;

import org.apiguardian.api.API;

/**
 * Let a measured body exclude set-up from its timing and sink results against dead-code elimination.
 *
 * <p>Declare it as a parameter of a {@link PerfTest} or {@link PerfSweep} method (after any
 * parameterized arguments), or receive it in a {@link PerfBody}. Each measuring thread has its own
 * context, so a context is confined to one thread and needs no synchronisation.
 *
 * <pre>{@code
 * @PerfTest(iterations = 1_000)
 * void sort(PerfContext ctx) {
 *     int[] data = ctx.untimed(() -> randomArray(10_000)); // not timed
 *     Arrays.sort(data);
 *     ctx.sink(data[0]);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PerfContext {

    /** Run set-up whose time is subtracted from the current invocation's latency, and return its result. */
    <T> T untimed(Supplier<T> setup);

    /** Run set-up whose time is subtracted from the current invocation's latency. */
    void untimed(Runnable setup);

    /** Consume a value so the JIT cannot remove the computation that produced it. */
    void sink(Object value);

    /** Consume a value so the JIT cannot remove the computation that produced it. */
    void sink(long value);

    /** Consume a value so the JIT cannot remove the computation that produced it. */
    void sink(double value);

    /** Return this thread's index, from 0 to {@code threads() - 1}. */
    int threadIndex();

    /** Return the number of measuring threads. */
    int threads();

    /** Return the number of invocations this thread has started in the current phase, the current one included. */
    long invocation();

    /**
     * Report whether the current invocation is part of the warmup rather than the measurement.
     *
     * <p>It is {@code false} in the measurement, and also in the unrecorded invocations just before it: the end of
     * a timed warmup, once warmup has settled, and the lead-in after the measure gate rehearse the measurement, so
     * that code the body runs only when measured is compiled before the first timing. Those invocations are counted
     * as warmup in the result. A count-only warmup ({@code warmupMs = 0}) and an open loop's warmup have no
     * rehearsal: there, a branch on this flag is first taken by a measured invocation.
     *
     * @return {@code true} while warming up, before the rehearsal
     */
    boolean warmup();
}
