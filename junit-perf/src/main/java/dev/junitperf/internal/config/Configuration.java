package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.apiguardian.api.API;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfTest;

/**
 * Read {@code junitperf.*} configuration parameters, from JUnit or from system properties.
 *
 * <p>Every key the extension understands is a constant here, so documentation and code agree.
 */
@API(status = INTERNAL, since = "0.1")
public final class Configuration {

    public static final String MODE = "junitperf.mode";
    public static final String SLO_SCALE = "junitperf.slo.scale";
    public static final String REPORT_DIR = "junitperf.report.dir";
    public static final String CONFIRM_RUNS = "junitperf.confirm.runs";
    public static final String BATCHING = "junitperf.batching";
    public static final String DEFAULT_PREFIX = "junitperf.default.";
    public static final String BASELINE = "junitperf.baseline";
    public static final String JFR = "junitperf.jfr";
    /** Names the test run, for set-ups where it cannot be detected (see {@code RunIdentity}). */
    public static final String RUN_ID = "junitperf.run.id";
    public static final String CONSOLE_SUMMARY = "junitperf.console.summary";
    public static final String CONSOLE_LINES = "junitperf.console.lines";
    public static final String REGRESSION_WARN = "junitperf.regression.warn";
    public static final String REGRESSION_FAIL = "junitperf.regression.fail";
    public static final String CLOCK = "junitperf.clock";
    public static final String DEFAULT_CLOCK = "junitperf.default.clock";
    public static final String NOISE_THRESHOLD = "junitperf.noise.threshold";
    public static final String NOISE_RETRIES = "junitperf.noise.retries";
    public static final String DURATION_ADAPTIVE = "junitperf.duration.adaptive";
    public static final String DURATION_MAX_FACTOR = "junitperf.duration.maxFactor";
    public static final String PROGRESS = "junitperf.progress";
    public static final String PROGRESS_EVERY_MS = "junitperf.progress.everyMs";
    public static final String INTERVALS = "junitperf.intervals";

    /** Default noise level above which a breach is re-measured: 10 % of the time waiting for a CPU. */
    public static final double DEFAULT_NOISE_THRESHOLD = 0.10;
    /** Default number of extra runs a noisy breach may take. */
    public static final int DEFAULT_NOISE_RETRIES = 2;
    /** Default limit of a time-based run whose confidence interval straddles its budget, in planned durations. */
    public static final double DEFAULT_DURATION_MAX_FACTOR = 3;

    private final Function<String, Optional<String>> source;

    private Configuration(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Read parameters through the given lookup, e.g. {@code ExtensionContext::getConfigurationParameter}. */
    public static Configuration from(Function<String, Optional<String>> source) {
        return new Configuration(source);
    }

    /** Read parameters from system properties, for the programmatic API. */
    public static Configuration fromSystemProperties() {
        return new Configuration(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** Return the trimmed, non-blank value of a parameter. */
    public Optional<String> get(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Return the {@code junitperf.mode}, rejecting unknown values. */
    public Mode mode() {
        return get(MODE).map(Mode::parse).orElse(Mode.ENFORCE);
    }

    /** Return the {@code junitperf.slo.scale}, rejecting non-numeric and non-positive values. */
    public double sloScale() {
        Optional<String> raw = get(SLO_SCALE);
        if (raw.isEmpty()) {
            return 1.0;
        }
        double scale = parseDouble(SLO_SCALE, raw.get());
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw ConfigErrors.parameter(SLO_SCALE, raw.get(), "a finite number greater than 0, e.g. 2.0");
        }
        return scale;
    }

    /** Return the number of confirmation runs after a breach (default 1). */
    public int confirmRuns() {
        return get(CONFIRM_RUNS).map(v -> {
            long n = parseLong(CONFIRM_RUNS, v);
            if (n < 0 || n > 10) {
                throw ConfigErrors.parameter(CONFIRM_RUNS, v, "a whole number from 0 to 10");
            }
            return (int) n;
        }).orElse(1);
    }

    /** Return whether batching of sub-microsecond bodies is allowed ({@code auto}, the default, or {@code off}). */
    public boolean batching() {
        return get(BATCHING).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw ConfigErrors.parameter(BATCHING, v, "'auto' or 'off'");
        }).orElse(true);
    }

    /** Return whether a breached test is re-run under Java Flight Recorder ({@code junitperf.jfr=on-breach}; default {@code off}). */
    public boolean jfrOnBreach() {
        return get(JFR).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "on-breach" -> true;
            case "off" -> false;
            default -> throw ConfigErrors.parameter(JFR, v, "'on-breach' or 'off'");
        }).orElse(false);
    }

    /** Return whether to print the SLO table of all perf tests at the end of the run ({@code junitperf.console.summary}, default false). */
    public boolean consoleSummary() {
        return flag(CONSOLE_SUMMARY, false);
    }

    /** Return whether to print one line per perf test as it finishes ({@code junitperf.console.lines}, default true). */
    public boolean consoleLines() {
        return flag(CONSOLE_LINES, true);
    }

    private boolean flag(String key, boolean defaultValue) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ConfigErrors.parameter(key, v, "'true' or 'false'");
        }).orElse(defaultValue);
    }

    /** Return a regression threshold in percent ({@code junitperf.regression.warn} default 5, {@code .fail} default 10). */
    public double regressionThresholdPct(String key, double defaultPct) {
        return get(key).map(v -> {
            double pct = parseDouble(key, v);
            if (!(pct > 0) || Double.isInfinite(pct)) {
                throw ConfigErrors.parameter(key, v, "a percentage greater than 0, e.g. 10 for 10 %");
            }
            return pct;
        }).orElse(defaultPct);
    }

    /** Return the build-wide clock of {@code junitperf.clock}, which overrides every perf test's own. */
    public Optional<PerfClock> clockOverride() {
        return clock(CLOCK);
    }

    /** Return the clock of {@code junitperf.default.clock}, for perf tests that leave {@code clock} unset. */
    public Optional<PerfClock> defaultClock() {
        return clock(DEFAULT_CLOCK);
    }

    private Optional<PerfClock> clock(String key) {
        return get(key).map(v -> {
            String wanted = v.toLowerCase(Locale.ROOT);
            for (PerfClock c : PerfClock.values()) {
                if (c != PerfClock.DEFAULT && (c.configValue().equals(wanted) || c.name().toLowerCase(Locale.ROOT).equals(wanted))) {
                    return c;
                }
            }
            throw ConfigErrors.parameter(key, v, "one of 'wall', 'cpu', 'wall-minus-runqueue'");
        });
    }

    /** Return the noise level (CPU wait plus steal share, 0 to 1) above which a breach is re-measured. */
    public double noiseThreshold() {
        return get(NOISE_THRESHOLD).map(v -> {
            double t = parseDouble(NOISE_THRESHOLD, v);
            if (!(t > 0) || t > 1) {
                throw ConfigErrors.parameter(NOISE_THRESHOLD, v, "a fraction greater than 0 and at most 1, e.g. 0.1 for 10 %");
            }
            return t;
        }).orElse(DEFAULT_NOISE_THRESHOLD);
    }

    /** Return how many extra runs a breach measured under noise may take (0 to 10). */
    public int noiseRetries() {
        return get(NOISE_RETRIES).map(v -> {
            long n = parseLong(NOISE_RETRIES, v);
            if (n < 0 || n > 10) {
                throw ConfigErrors.parameter(NOISE_RETRIES, v, "a whole number from 0 to 10");
            }
            return (int) n;
        }).orElse(DEFAULT_NOISE_RETRIES);
    }

    /** Return whether time-based runs stop early on clear intervals and go on while one straddles its budget. */
    public boolean durationAdaptive() {
        return flag(DURATION_ADAPTIVE, true);
    }

    /** Return how many planned durations a straddling run may last (1 to 100). */
    public double durationMaxFactor() {
        return get(DURATION_MAX_FACTOR).map(v -> {
            double f = parseDouble(DURATION_MAX_FACTOR, v);
            if (!(f >= 1) || f > 100) {
                throw ConfigErrors.parameter(DURATION_MAX_FACTOR, v, "a number from 1 (never extend) to 100, e.g. 3");
            }
            return f;
        }).orElse(DEFAULT_DURATION_MAX_FACTOR);
    }

    /**
     * Return what runs record over time and print while they run: {@code junitperf.progress} ({@code true}),
     * {@code junitperf.progress.everyMs} (5,000, at least 100) and {@code junitperf.intervals} ({@code open-loop}
     * or {@code all}).
     */
    public Monitoring monitoring() {
        long everyMs = get(PROGRESS_EVERY_MS).map(v -> {
            long ms = parseLong(PROGRESS_EVERY_MS, v);
            if (ms < 100) {
                throw ConfigErrors.parameter(PROGRESS_EVERY_MS, v, "a whole number of milliseconds, at least 100");
            }
            return ms;
        }).orElse(Monitoring.DEFAULT.progressEveryNanos() / 1_000_000);
        boolean all = get(INTERVALS).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "open-loop" -> false;
            case "all" -> true;
            default -> throw ConfigErrors.parameter(INTERVALS, v, "'open-loop' or 'all'");
        }).orElse(false);
        return new Monitoring(flag(PROGRESS, true), everyMs * 1_000_000, all);
    }

    /** Return the default for a {@code @PerfTest} attribute from {@code junitperf.default.<name>}. */
    public Optional<Double> attributeDefault(String attribute) {
        String key = DEFAULT_PREFIX + attribute;

        return get(key).map(v -> parseDouble(key, v));
    }

    static double parseDouble(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ConfigErrors.parameter(key, value, "a number");
        }
    }

    static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ConfigErrors.parameter(key, value, "a whole number");
        }
    }
}
