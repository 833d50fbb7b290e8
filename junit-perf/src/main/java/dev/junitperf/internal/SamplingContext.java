package dev.junitperf.internal;

import java.util.function.Supplier;

import dev.junitperf.PerfContext;

/**
 * Implement {@link PerfContext} for one measuring thread; confined to that thread.
 *
 * <p>The sampler resets {@link #untimedNanos} before each timing and subtracts it after.
 */
public final class SamplingContext implements PerfContext {

    private final int threadIndex;
    private final int threads;
    long untimedNanos;
    long invocation;
    boolean warmup;
    private Object sinkRef;
    private long sinkLong;

    public SamplingContext(int threadIndex, int threads) {
        this.threadIndex = threadIndex;
        this.threads = threads;
    }

    @Override
    public <T> T untimed(Supplier<T> setup) {
        long start = System.nanoTime();
        try {
            return setup.get();
        } finally {
            untimedNanos += System.nanoTime() - start;
        }
    }

    @Override
    public void untimed(Runnable setup) {
        long start = System.nanoTime();
        try {
            setup.run();
        } finally {
            untimedNanos += System.nanoTime() - start;
        }
    }

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
