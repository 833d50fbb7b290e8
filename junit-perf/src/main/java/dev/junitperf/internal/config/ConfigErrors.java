package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;

import org.apiguardian.api.API;

/**
 * Build configuration errors that name the annotation or parameter, the attribute, the value and the fix.
 *
 * <p>The exception type is {@link PerfConfigurationException}; the extension rethrows it as JUnit's
 * {@code ExtensionConfigurationException}, the programmatic API as is.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigErrors {

    private ConfigErrors() {
    }

    /** Report an annotation attribute whose value is not allowed. */
    public static PerfConfigurationException attribute(String annotation, String attribute, Object value, String requirement) {
        return new PerfConfigurationException(String.format(Locale.ROOT,
                "%s requires that `%s` be %s, but was %s", annotation, attribute, requirement, show(value)));
    }

    /** Report a configuration parameter whose value is not allowed. */
    public static PerfConfigurationException parameter(String key, String value, String requirement) {
        return new PerfConfigurationException(String.format(Locale.ROOT,
                "Configuration parameter `%s` must be %s, but was '%s'", key, requirement, value));
    }

    /** Report any other misuse, with its fix. */
    public static PerfConfigurationException misuse(String message) {
        return new PerfConfigurationException(message);
    }

    private static String show(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
