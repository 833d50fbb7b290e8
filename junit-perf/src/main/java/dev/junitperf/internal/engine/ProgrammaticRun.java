package dev.junitperf.internal.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import dev.junitperf.PerfBody;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfRequest;
import dev.junitperf.PerfResult;
import dev.junitperf.PerfTimeoutError;
import dev.junitperf.internal.config.Configuration;
import dev.junitperf.internal.config.PerfAttributes;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.config.SettingsResolver;
import dev.junitperf.internal.measurement.Clocks;
import dev.junitperf.internal.measurement.Measurement;
import dev.junitperf.internal.measurement.MeasurementRunner;

/**
 * Measure a body for the programmatic API ({@code Perf.measure(...).run()}): no objectives, no report.
 *
 * <p>Settings come from the builder, then the system properties {@code junitperf.default.*},
 * {@code junitperf.clock} and {@code junitperf.batching}; invalid ones throw {@link IllegalArgumentException}.
 */
final class ProgrammaticRun {

    private static final String SOURCE = "Perf.measure()";
    private static final MethodHandle RUN = findRun();

    private ProgrammaticRun() {
    }

    static PerfResult run(PerfBody body, PerfRequest request) {
        // A PerfConfigurationException is an IllegalArgumentException, as the builder promises.
        PerfSettings resolved = new SettingsResolver(Configuration.fromSystemProperties(), Clocks::unavailableReason)
                .resolve(PerfAttributes.of(SOURCE, request));
        PerfSettings settings = request.batching().map(b -> resolved.with(b, false)).orElse(resolved);
        Measurement run;
        try {
            run = MeasurementRunner.run(settings, ctx -> MethodHandles.insertArguments(RUN, 0, body, ctx),
                    "junit-perf-" + request.name());
        } catch (Throwable t) {
            throw sneaky(t);
        }
        if (run.abort().isPresent()) {
            throw sneaky(run.abort().get());
        }
        if (run.timedOut()) {
            throw new PerfTimeoutError(Results.timeoutMessage(SOURCE, request.name(), settings, run));
        }
        return Results.of(request.name(), run, settings);
    }

    private static MethodHandle findRun() {
        try {
            return MethodHandles.publicLookup().findVirtual(PerfBody.class, "run",
                    MethodType.methodType(void.class, PerfContext.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
