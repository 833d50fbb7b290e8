package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Annotation;

import org.apiguardian.api.API;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfRequest;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;

/**
 * Give {@code @PerfTest} and {@code @PerfSweep} one shape; values are raw, {@code PerfTest.UNSET} when unset.
 *
 * @param annotationName the annotation as users write it, for error messages
 * @param clock the clock, {@link PerfClock#DEFAULT} when unset
 */
@API(status = INTERNAL, since = "0.1")
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

    /** Return the attributes of a programmatic request, named {@code source} in messages. */
    public static PerfAttributes of(String source, PerfRequest r) {
        return new PerfAttributes(source, r.warmupIterations(), r.warmupMs(), r.iterations(), r.durationMs(), r.threads(),
                r.ratePerSec(), r.timeoutMs(), r.clock());
    }

    /** Return attributes that are all unset. */
    public static PerfAttributes unset(String name) {
        long u = PerfTest.UNSET;
        return new PerfAttributes(name, u, u, u, u, u, u, u, PerfClock.DEFAULT);
    }
}
