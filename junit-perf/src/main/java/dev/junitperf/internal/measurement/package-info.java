/**
 * Stage 2, measurement: warm up, time the body on its clock, meter the noise, decide when to stop, and
 * return a raw {@code Measurement}; nothing here judges.
 *
 * <p><b>Owns:</b> {@code MeasurementRunner}, the timed loops, the clocks, the noise probe, the stopping rule.
 * <b>May use:</b> the public API, {@code internal.config} and the leaves ({@code statistics}, {@code memory},
 * {@code text}).
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
