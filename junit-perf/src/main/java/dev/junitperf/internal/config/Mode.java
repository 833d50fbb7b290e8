package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apiguardian.api.API;

/** Say what a perf test does with its measurement, from {@code junitperf.mode}. */
@API(status = INTERNAL, since = "0.1")
public enum Mode {
    /** Measure and fail the test when an objective is breached (the default). */
    ENFORCE,
    /** Measure and report, but never fail on an objective. */
    REPORT,
    /** Run each body once, without measuring: the fast inner-loop mode. */
    SMOKE;

    static Mode parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(values()).map(m -> "'" + m.label() + "'").collect(Collectors.joining(", "));
            throw ConfigErrors.parameter(Configuration.MODE, value, "one of " + allowed);
        }
    }

    /** Return the name as written in configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
