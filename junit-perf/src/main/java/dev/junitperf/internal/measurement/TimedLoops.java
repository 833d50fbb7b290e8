package dev.junitperf.internal.measurement;

/**
 * Run the timed loops of one sampler; implemented by a hidden class per measuring thread.
 *
 * <p>Warmup and measurement call the same methods with the same batch size, so the code that times
 * the first measured invocation is the code the warmup compiled.
 */
interface TimedLoops {

    /**
     * Time invocations in timings of {@code batch} until {@code count} were attempted, a timing ended at or
     * after {@code deadlineNanos}, or the run was stopped; return how many were attempted.
     */
    long closedLoop(Sampler s, long count, long deadlineNanos, int batch);

    /**
     * Time an open loop: this thread's invocation {@code i} is intended to start at
     * {@code baseNanos + arrivals.offsetNanos(i)}.
     *
     * <p>Starts at invocation {@code index} and stops before invocation {@code count} (when {@code count > 0}),
     * before the first whose intended start is at or after {@code deadlineNanos}, or when stopped; returns
     * the index of the next invocation.
     */
    long openLoop(Sampler s, long index, long count, long deadlineNanos, long baseNanos, ArrivalSchedule.Arrivals arrivals);
}
