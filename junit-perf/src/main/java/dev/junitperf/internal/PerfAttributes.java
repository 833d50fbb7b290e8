package dev.junitperf.internal;

import java.lang.annotation.Annotation;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;

/**
 * Give {@code @PerfTest} and {@code @PerfSweep} one shape; values are raw, {@code PerfTest.UNSET} when unset.
 *
 * @param annotationName the annotation as users write it, for error messages
 * @param clock the clock, {@link PerfClock#DEFAULT} when unset
 */
public record PerfAttributes(
        String annotationName,
        long warmupIterations,
        long warmupMs,
        long iterations,
        long durationMs,
        long threads,
        double ratePerSec,
        long timeoutMs,
        PerfClock clock) {

    /** Return the attributes of either perf annotation. */
    public static PerfAttributes of(Annotation annotation) {
        if (annotation instanceof PerfTest a) {
            return new PerfAttributes("@PerfTest", a.warmupIterations(), a.warmupMs(), a.iterations(),
                    a.durationMs(), a.threads(), a.ratePerSec(), a.timeoutMs(), a.clock());
        }
        if (annotation instanceof PerfSweep a) {
            return new PerfAttributes("@PerfSweep", a.warmupIterations(), a.warmupMs(), a.iterations(),
                    a.durationMs(), a.threads(), a.ratePerSec(), a.timeoutMs(), a.clock());
        }
        throw new IllegalArgumentException("not a perf annotation: " + annotation);
    }

    /** Return attributes that are all unset, as the programmatic API starts with. */
    public static PerfAttributes unset(String name) {
        long u = PerfTest.UNSET;
        return new PerfAttributes(name, u, u, u, u, u, u, u, PerfClock.DEFAULT);
    }

    public PerfAttributes withWarmupIterations(long n) {
        return new PerfAttributes(annotationName, n, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, clock);
    }

    public PerfAttributes withWarmupMs(long millis) {
        return new PerfAttributes(annotationName, warmupIterations, millis, iterations, durationMs, threads, ratePerSec, timeoutMs, clock);
    }

    public PerfAttributes withIterations(long n) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, n, durationMs, threads, ratePerSec, timeoutMs, clock);
    }

    public PerfAttributes withDurationMs(long millis) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, iterations, millis, threads, ratePerSec, timeoutMs, clock);
    }

    public PerfAttributes withThreads(long n) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, iterations, durationMs, n, ratePerSec, timeoutMs, clock);
    }

    public PerfAttributes withRatePerSec(double rate) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, iterations, durationMs, threads, rate, timeoutMs, clock);
    }

    public PerfAttributes withTimeoutMs(long millis) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, millis, clock);
    }

    public PerfAttributes withClock(PerfClock newClock) {
        return new PerfAttributes(annotationName, warmupIterations, warmupMs, iterations, durationMs, threads, ratePerSec, timeoutMs, newClock);
    }
}
