package dev.junitperf.internal;

import java.lang.annotation.Annotation;

import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;

/**
 * Give {@code @PerfTest} and {@code @PerfSweep} one shape; values are raw, {@code PerfTest.UNSET} when unset.
 *
 * @param annotationName the annotation as users write it, for error messages
 */
public record PerfAttributes(
        String annotationName,
        long warmupIterations,
        long warmupMs,
        long iterations,
        long durationMs,
        long threads,
        double ratePerSec,
        long timeoutMs) {

    /** Return the attributes of either perf annotation. */
    public static PerfAttributes of(Annotation annotation) {
        if (annotation instanceof PerfTest a) {
            return new PerfAttributes("@PerfTest", a.warmupIterations(), a.warmupMs(), a.iterations(),
                    a.durationMs(), a.threads(), a.ratePerSec(), a.timeoutMs());
        }
        if (annotation instanceof PerfSweep a) {
            return new PerfAttributes("@PerfSweep", a.warmupIterations(), a.warmupMs(), a.iterations(),
                    a.durationMs(), a.threads(), a.ratePerSec(), a.timeoutMs());
        }
        throw new IllegalArgumentException("not a perf annotation: " + annotation);
    }

    /** Return attributes that are all unset, as the programmatic API starts with. */
    public static PerfAttributes unset(String name) {
        long u = PerfTest.UNSET;
        return new PerfAttributes(name, u, u, u, u, u, u, u);
    }
}
