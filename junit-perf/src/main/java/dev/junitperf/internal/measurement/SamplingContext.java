package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Supplier;

import org.apiguardian.api.API;

import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfContext;

/**
 * Implement {@link PerfContext} for one measuring thread; confined to that thread.
 *
 * <p>The sampler resets {@link #untimedNanos} and {@link #untimedWallNanos} before each timing and
 * subtracts them after: the first on the judged clock (CPU time on the CPU clock, wall time minus
 * run-queue waits on the schedstat clock), the second in wall time.
 */
@API(status = INTERNAL, since = "0.1")
public final class SamplingContext implements PerfContext {

    private final int threadIndex;
    private final int threads;
    long untimedNanos;
    long untimedWallNanos;
    long invocation;
    boolean warmup;
    private int clock = Clocks.WALL;
    private RunQueueClock runQueue;
    private Object sinkRef;
    private long sinkLong;

    public SamplingContext(int threadIndex, int threads) {
        this.threadIndex = threadIndex;
        this.threads = threads;
    }

    /** Read the judged clock's untimed share from {@code clock}; called on the measuring thread. */
    void bind(int clockCode, RunQueueClock queue) {
        this.clock = clockCode;
        this.runQueue = queue;
    }

    @Override
    public <T> T untimed(Supplier<T> setup) {
        long judged = judgedNow();
        long start = System.nanoTime();
        try {
            return setup.get();
        } finally {
            account(start, judged);
        }
    }

    @Override
    public void untimed(Runnable setup) {
        long judged = judgedNow();
        long start = System.nanoTime();
        try {
            setup.run();
        } finally {
            account(start, judged);
        }
    }

    private long judgedNow() {
        return switch (clock) {
            case Clocks.CPU -> ThreadCpuClock.now();
            case Clocks.WALL_MINUS_RUNQUEUE -> runQueue.waitingNanos();
            default -> 0;
        };
    }

    private void account(long start, long judgedStart) {
        long wall = System.nanoTime() - start;
        untimedWallNanos += wall;
        untimedNanos += switch (clock) {
            case Clocks.CPU -> ThreadCpuClock.now() - judgedStart;
            case Clocks.WALL_MINUS_RUNQUEUE -> wall - (runQueue.waitingNanos() - judgedStart);
            default -> wall;
        };
    }

    /**
     * Store the value, so it escapes: the JIT can neither remove the code that computed it nor eliminate its
     * allocation by escape analysis, and {@code @MemoryBudget} counts what the body really allocates. A
     * compare-only sink, like JMH's blackhole, avoids the store's GC write barrier, but C2 then turns its
     * store branch into an uncommon trap and removes the allocation: {@code new byte[1024]} read 0 B/op.
     */
    @Override
    public void sink(Object value) {
        sinkRef = value;
    }

    @Override
    public void sink(long value) {
        sinkLong ^= value;
    }

    @Override
    public void sink(double value) {
        sinkLong ^= Double.doubleToRawLongBits(value);
    }

    @Override
    public int threadIndex() {
        return threadIndex;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long invocation() {
        return invocation;
    }

    @Override
    public boolean warmup() {
        return warmup;
    }

    /** Fold the sunk values into one number, so they stay observable after the measurement. */
    public long sinkDigest() {
        return sinkLong ^ (sinkRef == null ? 0 : 1);
    }
}
