package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apiguardian.api.API;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfTest;
import dev.junitperf.internal.statistics.LatencyHistograms;

/**
 * Resolve perf attributes against configuration defaults and built-in defaults, and validate them.
 *
 * <p>Precedence per attribute: the annotation (or builder) value, then the configuration parameter
 * {@code junitperf.default.<attribute>}, then the built-in default. Every value is validated before
 * anything runs; an error names where the value came from.
 */
@API(status = INTERNAL, since = "0.1")
public final class SettingsResolver {

    /** Built-in default warmup time. */
    public static final long DEFAULT_WARMUP_MS = 300;
    /** Built-in default measuring time when neither {@code iterations} nor {@code durationMs} is set. */
    public static final long DEFAULT_DURATION_MS = 700;
    /** Built-in default timeout for warmup plus measurement. */
    public static final long DEFAULT_TIMEOUT_MS = 300_000;

    private final Configuration configuration;
    private final Function<PerfClock, Optional<String>> unavailable;
    private final long maxHeapBytes = Runtime.getRuntime().maxMemory();

    /**
     * Resolve with {@code unavailable} saying why a clock cannot be used on this machine (empty if it can):
     * the measurement stage knows; tests pass other machines' answers.
     */
    public SettingsResolver(Configuration configuration, Function<PerfClock, Optional<String>> unavailable) {
        this.configuration = configuration;
        this.unavailable = unavailable;
    }

    /** Resolve and validate the settings; throw {@link PerfConfigurationException} on bad input. */
    public PerfSettings resolve(PerfAttributes a) {
        return resolve(a, LoadPlan.NONE);
    }

    /**
     * Resolve and validate the settings of a run driven by {@code load} (or by its attributes alone when it is
     * {@link LoadPlan#NONE}); throw {@link PerfConfigurationException} on bad input.
     */
    public PerfSettings resolve(PerfAttributes a, LoadPlan load) {
        if (load.present()) {
            return resolveProfile(a, load);
        }
        Value warmupIterations = pickOrDefault(a, "warmupIterations", a.warmupIterations(), 0);
        Value warmupMs = pickOrDefault(a, "warmupMs", a.warmupMs(), DEFAULT_WARMUP_MS);
        Value threads = pickOrDefault(a, "threads", a.threads(), 1);
        Value rate = pickOrDefault(a, "ratePerSec", a.ratePerSec(), 0);
        Value timeoutMs = pickOrDefault(a, "timeoutMs", a.timeoutMs(), DEFAULT_TIMEOUT_MS);

        warmupIterations.requireWhole(0, "0 or greater");
        warmupMs.requireWhole(0, "0 or greater");
        threads.requireWhole(1, "at least 1");
        timeoutMs.requireWhole(1, "at least 1");
        if (Double.isNaN(rate.value) || Double.isInfinite(rate.value) || rate.value < 0) {
            throw rate.error("0 (closed loop) or a positive number of invocations per second");
        }

        Optional<Value> iterations = pick(a, "iterations", a.iterations());
        Optional<Value> duration = pick(a, "durationMs", a.durationMs());
        int n = 0;
        long durationMs = 0;
        if (iterations.isPresent() && duration.isPresent()) {
            Value i = iterations.get();
            Value d = duration.get();
            if (i.fromAnnotation == d.fromAnnotation) {
                throw ConfigErrors.misuse(String.format(
                        "%s requires that only one of `iterations` and `durationMs` be set, but %s %s: "
                                + "remove one to measure a fixed count or for a fixed time",
                        a.annotationName(), i.fromAnnotation ? "both were set" : "both configuration parameters",
                        i.fromAnnotation ? "(iterations = " + (long) i.value + ", durationMs = " + (long) d.value + ")"
                                : Configuration.DEFAULT_PREFIX + "iterations and " + Configuration.DEFAULT_PREFIX + "durationMs are set"));
            }
            if (i.fromAnnotation) {
                duration = Optional.empty();
            } else {
                iterations = Optional.empty();
            }
        }
        if (iterations.isPresent()) {
            n = (int) iterations.get().requireWhole(1, "at least 1");
            if (n < threads.value) {
                throw iterations.get().error("at least `threads` (" + (long) threads.value + "), as it counts invocations over all threads");
            }
        } else {
            durationMs = duration.map(d -> d.requireWhole(1, "at least 1")).orElse(DEFAULT_DURATION_MS);
        }
        PerfClock clock = clock(a);
        requireHeapFor(threads, clock, rate.value > 0, 0);
        return new PerfSettings((int) warmupIterations.value, ms(warmupMs.value), n,
                ms(durationMs), (int) threads.value, rate.value, ms(timeoutMs.value), configuration.batching(), false,
                clock, PerfSettings.DEFAULT_MIN_TIMINGS, LoadPlan.NONE, configuration.monitoring());
    }

    /**
     * Resolve a run driven by a profile: the profile sets the rates and the length, so the annotation must not,
     * and the {@code junitperf.default.*} values of {@code ratePerSec}, {@code iterations} and {@code durationMs}
     * do not apply.
     */
    private PerfSettings resolveProfile(PerfAttributes a, LoadPlan load) {
        rejectWithProfile(a, "ratePerSec", a.ratePerSec(), "the phases set the rates");
        rejectWithProfile(a, "iterations", a.iterations(), "the phases set how many invocations start");
        rejectWithProfile(a, "durationMs", a.durationMs(), "the phases set how long it runs");
        Value warmupIterations = pickOrDefault(a, "warmupIterations", a.warmupIterations(), 0);
        Value warmupMs = pickOrDefault(a, "warmupMs", a.warmupMs(), DEFAULT_WARMUP_MS);
        Value threads = pickOrDefault(a, "threads", a.threads(), 1);
        Value timeoutMs = pickOrDefault(a, "timeoutMs", a.timeoutMs(), DEFAULT_TIMEOUT_MS);
        warmupIterations.requireWhole(0, "0 or greater");
        warmupMs.requireWhole(0, "0 or greater");
        threads.requireWhole(1, "at least 1");
        timeoutMs.requireWhole(1, "at least 1");
        PerfClock clock = clock(a);
        requireHeapFor(threads, clock, true, load.phases().size());
        return new PerfSettings((int) warmupIterations.value, ms(warmupMs.value), 0, load.totalNanos(),
                (int) threads.value, load.meanRatePerSec(), ms(timeoutMs.value), configuration.batching(), false, clock,
                PerfSettings.DEFAULT_MIN_TIMINGS, load, configuration.monitoring());
    }

    private static void rejectWithProfile(PerfAttributes a, String attribute, double value, String why) {
        if (value != PerfTest.UNSET) {
            String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            throw ConfigErrors.misuse(String.format(Locale.ROOT, "@LoadProfile cannot be combined with %s(%s = %s): %s; "
                    + "remove `%s`", a.annotationName(), attribute, shown, why, attribute));
        }
    }

    /**
     * Bound {@code threads} by the heap: every measuring thread records into its own histograms (the judged
     * clock's, the wall clock's beside another clock, the uncorrected one of an open loop), and a quarter of
     * the heap is the most they may take. Without this, 100,000 threads ran the test JVM out of heap and
     * Surefire reported no test of the class at all. A load profile adds one histogram per phase.
     */
    private void requireHeapFor(Value threads, PerfClock clock, boolean openLoop, int phases) {
        int perThread = 1 + (clock == PerfClock.WALL ? 0 : 1) + (openLoop ? 1 : 0) + phases;
        long bytesPerThread = perThread * LatencyHistograms.FOOTPRINT_BYTES;
        long budget = maxHeapBytes / 4;
        long fits = Math.max(1, budget / bytesPerThread);
        if (threads.value > fits) {
            throw threads.error(String.format(Locale.ROOT, "at most %,d on this JVM: each measuring thread records into %d "
                            + "latency histogram%s of %,d KiB, so %,d threads need %,d MiB, more than a quarter of the %,d MiB "
                            + "heap; lower `threads`, or give the test JVM more heap (-Xmx, e.g. Surefire's argLine)",
                    fits, perThread, perThread > 1 ? "s" : "", LatencyHistograms.FOOTPRINT_BYTES >> 10, (long) threads.value,
                    ((long) threads.value * bytesPerThread) >> 20, maxHeapBytes >> 20));
        }
    }

    /**
     * Resolve the clock: {@code junitperf.clock} overrides everything, then the annotation, then
     * {@code junitperf.default.clock}, then {@link PerfClock#WALL}; and check that it can run here.
     */
    private PerfClock clock(PerfAttributes a) {
        Optional<PerfClock> override = configuration.clockOverride();
        String source;
        PerfClock clock;
        if (override.isPresent()) {
            clock = override.get();
            source = "Configuration parameter `" + Configuration.CLOCK + "` = " + clock.configValue();
        } else if (a.clock() != PerfClock.DEFAULT) {
            clock = a.clock();
            source = a.annotationName() + "(clock = " + clock.name() + ")";
        } else {
            clock = configuration.defaultClock().orElse(PerfClock.WALL);
            source = "Configuration parameter `" + Configuration.DEFAULT_CLOCK + "` = " + clock.configValue();
        }
        Optional<String> reason = unavailable.apply(clock);
        if (reason.isPresent()) {
            throw ConfigErrors.misuse(source + " cannot be measured here: " + reason.get() + "; " + alternative(clock));
        }
        return clock;
    }

    private static long ms(double millis) {
        return TimeUnit.MILLISECONDS.toNanos((long) millis);
    }

    /** Name the clock to use instead of an unavailable one. */
    private static String alternative(PerfClock clock) {
        return clock == PerfClock.CPU
                ? "use clock = WALL_MINUS_RUNQUEUE (Linux) or WALL"
                : "use clock = CPU, which is also immune to other processes but leaves out time spent blocked, or WALL";
    }

    private Value pickOrDefault(PerfAttributes a, String attribute, double annotated, double builtIn) {
        return pick(a, attribute, annotated).orElseGet(() -> new Value("built-in default", attribute, builtIn, false));
    }

    private Optional<Value> pick(PerfAttributes a, String attribute, double annotated) {
        if (annotated != PerfTest.UNSET) {
            return Optional.of(new Value(a.annotationName(), attribute, annotated, true));
        }
        return configuration.attributeDefault(attribute)
                .map(v -> new Value("Configuration parameter " + Configuration.DEFAULT_PREFIX + attribute, attribute, v, false));
    }

    private static final class Value {
        final String source;
        final String attribute;
        final double value;
        final boolean fromAnnotation;

        Value(String source, String attribute, double value, boolean fromAnnotation) {
            this.source = source;
            this.attribute = attribute;
            this.value = value;
            this.fromAnnotation = fromAnnotation;
        }

        long requireWhole(long min, String requirement) {
            if (Double.isNaN(value) || value < min || value != Math.rint(value) || value > Integer.MAX_VALUE * 1000.0) {
                throw error(requirement);
            }
            return (long) value;
        }

        PerfConfigurationException error(String requirement) {
            if (fromAnnotation) {
                return ConfigErrors.attribute(source, attribute, value, requirement);
            }
            String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            return ConfigErrors.parameter(Configuration.DEFAULT_PREFIX + attribute, shown, requirement);
        }
    }
}
