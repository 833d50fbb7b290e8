package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import dev.junitperf.PerfBody;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfRequest;
import dev.junitperf.PerfResult;
import dev.junitperf.PerfRuntime;
import dev.junitperf.internal.measurement.SamplingContext;

/**
 * Implement {@link PerfRuntime}: the engine the API finds with {@code ServiceLoader}.
 *
 * <p>It only dispatches: {@link PerfTestInterceptor} runs annotated tests, {@link ProgrammaticRun} the
 * programmatic API. Public because {@code ServiceLoader} instantiates it.
 */
@API(status = INTERNAL, since = "0.1")
public final class EngineRuntime implements PerfRuntime {

    @Override
    public void intercept(InvocationInterceptor.Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                          ExtensionContext context) throws Throwable {
        PerfTestInterceptor.intercept(invocation, call, context);
    }

    @Override
    public PerfContext contextOutsideMeasurement() {
        return new SamplingContext(0, 1);
    }

    @Override
    public PerfResult measure(PerfBody body, PerfRequest request) {
        return ProgrammaticRun.run(body, request);
    }
}
