/**
 * Stage 1 of the pipeline, configuration and plan: read the annotations and the {@code junitperf.*}
 * configuration parameters, validate them (every bad input is a {@code PerfConfigurationException} that
 * names the annotation, the attribute and the fix) and resolve them into settings and objectives.
 *
 * <p><b>Owns:</b> {@code Configuration}, {@code SettingsResolver}, {@code SloResolver}, the specs.
 * <b>May use:</b> the public API and {@code internal.statistics}.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
