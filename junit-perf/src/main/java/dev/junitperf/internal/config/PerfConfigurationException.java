package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Signal a configuration error found before anything ran. */
@API(status = INTERNAL, since = "0.1")
public final class PerfConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    PerfConfigurationException(String message) {
        super(message);
    }
}
