package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;

/**
 * Describe one phase of a {@link LoadProfile}: a name, a length and a rate, constant or ramping.
 *
 * <p>Set either {@link #ratePerSec()} for a constant rate, or both {@link #fromPerSec()} and
 * {@link #toPerSec()} for a rate that changes linearly over the phase (a ramp may start or end at 0). Rates
 * are invocations per second over all threads. Only usable inside {@code @LoadProfile}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Phase {

    /** The value of an attribute that was not set. */
    double UNSET = Double.NEGATIVE_INFINITY;

    /** The phase's name, unique in its profile, as objectives and reports name it. */
    String name();

    /** How long the phase lasts, in milliseconds; at least 1. */
    long durationMs();

    /** A constant rate in invocations per second, greater than 0. */
    double ratePerSec() default UNSET;

    /** A ramp's rate at the start of the phase, 0 or greater; needs {@link #toPerSec()}. */
    double fromPerSec() default UNSET;

    /** A ramp's rate at the end of the phase, 0 or greater; needs {@link #fromPerSec()}. */
    double toPerSec() default UNSET;
}
