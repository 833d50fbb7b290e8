package dev.junitperf.internal;

/** Signal a configuration error found before anything ran. */
public final class PerfConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    PerfConfigurationException(String message) {
        super(message);
    }
}
