package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apiguardian.api.API;

import dev.junitperf.internal.Configuration;
import dev.junitperf.internal.MeasurementRunner;
import dev.junitperf.internal.PerfAttributes;
import dev.junitperf.internal.PerfSettings;
import dev.junitperf.internal.RunResult;
import dev.junitperf.internal.SettingsResolver;

/**
 * Describe a measurement: an immutable builder, where every call returns a new, configured copy.
 *
 * <p>Settings are validated by {@link #run()}, with the same rules and messages as {@link PerfTest};
 * invalid settings throw {@link IllegalArgumentException} before anything runs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfMeasurement {

    private static final String SOURCE = "Perf.measure()";
    private static final MethodHandle RUN = findRun();

    private final PerfBody body;
    private final String name;
    private final PerfAttributes attributes;
    private final Boolean batching;

    private PerfMeasurement(PerfBody body, String name, PerfAttributes attributes, Boolean batching) {
        this.body = body;
        this.name = name;
        this.attributes = attributes;
        this.batching = batching;
    }

    static PerfMeasurement of(PerfBody body) {
        return new PerfMeasurement(body, "measurement", PerfAttributes.unset(SOURCE), null);
    }

    /** Name the measurement, for messages. */
    public PerfMeasurement named(String newName) {
        return new PerfMeasurement(body, Objects.requireNonNull(newName, "name"), attributes, batching);
    }

    /** Set warmup invocations per thread. */
    public PerfMeasurement warmupIterations(int n) {
        return with(attributes.withWarmupIterations(n));
    }

    /** Set the minimum warmup time. */
    public PerfMeasurement warmupMs(long millis) {
        return with(attributes.withWarmupMs(millis));
    }

    /** Measure this many invocations over all threads. */
    public PerfMeasurement iterations(int n) {
        return with(attributes.withIterations(n));
    }

    /** Measure for this long instead of a fixed count. */
    public PerfMeasurement durationMs(long millis) {
        return with(attributes.withDurationMs(millis));
    }

    /** Call the body from this many threads at once. */
    public PerfMeasurement threads(int n) {
        return with(attributes.withThreads(n));
    }

    /** Start invocations at this rate over all threads (open loop); 0 is a closed loop. */
    public PerfMeasurement ratePerSec(double rate) {
        return with(attributes.withRatePerSec(rate));
    }

    /** Stop and fail when warmup plus measurement take longer than this. */
    public PerfMeasurement timeoutMs(long millis) {
        return with(attributes.withTimeoutMs(millis));
    }

    /** Measure with this clock; the system property {@code junitperf.clock} still overrides it, as for annotations. */
    public PerfMeasurement clock(PerfClock clock) {
        return with(attributes.withClock(Objects.requireNonNull(clock, "clock")));
    }

    /** Allow or forbid timing short bodies in batches (allowed by default). */
    public PerfMeasurement batching(boolean allowed) {
        return new PerfMeasurement(body, name, attributes, allowed);
    }

    /**
     * Warm up, measure and return the result.
     *
     * @throws IllegalArgumentException if a setting is invalid
     * @throws PerfTimeoutError if the measurement took longer than its timeout
     */
    public PerfResult run() {
        PerfSettings resolved = new SettingsResolver(Configuration.fromSystemProperties()).resolve(attributes);
        PerfSettings settings = batching == null ? resolved : resolved.with(batching, false);
        RunResult run;
        try {
            run = MeasurementRunner.run(settings, ctx -> MethodHandles.insertArguments(RUN, 0, body, ctx), "junit-perf-" + name);
        } catch (Throwable t) {
            throw sneaky(t);
        }
        if (run.abort().isPresent()) {
            throw sneaky(run.abort().get());
        }
        if (run.timedOut()) {
            throw new PerfTimeoutError(Timeouts.message(SOURCE, name, settings, run));
        }
        return new PerfResult(name, run, settings.threads(), settings.ratePerSec());
    }

    private static MethodHandle findRun() {
        try {
            return MethodHandles.publicLookup().findVirtual(PerfBody.class, "run",
                    MethodType.methodType(void.class, PerfContext.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PerfMeasurement with(PerfAttributes newAttributes) {
        return new PerfMeasurement(body, name, newAttributes, batching);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Format timeout messages for both entry points. */
    static final class Timeouts {
        private Timeouts() {
        }

        static String message(String source, String name, PerfSettings settings, RunResult run) {
            String threads = run.stuckThreads().isEmpty() ? "all worker threads stopped"
                    : run.stuckThreads().size() + " worker thread(s) did not stop: " + String.join(", ", run.stuckThreads());
            return String.format(Locale.ROOT,
                    "%s timed out in %s after %,d ms (timeoutMs = %,d): %,d invocations measured before stopping; %s. "
                            + "Raise `timeoutMs` or measure less.",
                    source, name, TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos()),
                    TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos()), run.invocations(), threads);
        }
    }
}
