package dev.junitperf.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read {@code junitperf.*} configuration parameters, from JUnit or from system properties.
 *
 * <p>Every key the extension understands is a constant here, so documentation and code agree.
 */
public final class Configuration {

    public static final String MODE = "junitperf.mode";
    public static final String SLO_SCALE = "junitperf.slo.scale";
    public static final String REPORT_DIR = "junitperf.report.dir";
    public static final String CONFIRM_RUNS = "junitperf.confirm.runs";
    public static final String BATCHING = "junitperf.batching";
    public static final String DEFAULT_PREFIX = "junitperf.default.";
    public static final String BASELINE = "junitperf.baseline";
    public static final String JFR = "junitperf.jfr";
    public static final String CONSOLE_SUMMARY = "junitperf.console.summary";
    public static final String CONSOLE_LINES = "junitperf.console.lines";
    public static final String REGRESSION_WARN = "junitperf.regression.warn";
    public static final String REGRESSION_FAIL = "junitperf.regression.fail";

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
