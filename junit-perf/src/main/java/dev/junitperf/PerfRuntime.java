package dev.junitperf;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.util.ServiceLoader;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Connect the API to the engine that measures: the one seam between this package and junit-perf's internals.
 *
 * <p>Design notes: the engine's packages ({@code dev.junitperf.internal.*}) use this package's annotations and
 * value types, so this package must not use them back, or the packages would form a cycle. Yet the
 * annotations name {@link PerfExtension} and {@link PerfMeasurement#run()} must measure. Both therefore go
 * through this interface, which the engine implements and registers in
 * {@code META-INF/services/dev.junitperf.PerfRuntime}, the way the JUnit Platform finds its engines. It is
 * not meant to be implemented elsewhere.
 */
@API(status = INTERNAL, since = "0.1")
public interface PerfRuntime {

    /** Measure, judge and report a perf test method in place of JUnit's own invocation. */
    void intercept(InvocationInterceptor.Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                   ExtensionContext context) throws Throwable;

    /** Return the {@link PerfContext} a perf method gets when JUnit itself invokes it (smoke mode). */
    PerfContext contextOutsideMeasurement();

    /** Warm up and measure {@code body} as {@code request} describes. */
    PerfResult measure(PerfBody body, PerfRequest request);

    /** Return the engine on the class path. */
    static PerfRuntime get() {
        return Loaded.RUNTIME;
    }

    /** Load the engine once, on first use. */
    final class Loaded {
        static final PerfRuntime RUNTIME = ServiceLoader.load(PerfRuntime.class, PerfRuntime.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("junit-perf's engine is missing: no "
                        + "META-INF/services/dev.junitperf.PerfRuntime on the class path (was the jar repackaged without "
                        + "its service files?)"));

        private Loaded() {
        }
    }
}
