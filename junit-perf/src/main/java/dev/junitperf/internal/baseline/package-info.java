/**
 * Stage 4, baseline: load a previous {@code results.json} (validated whole before any warmup), compare a
 * run with it and gate the verdict on the regression threshold.
 *
 * <p><b>Owns:</b> {@code Baseline}, {@code RegressionCheck}, {@code RegressionGate}, {@code BaselineDiff}.
 * <b>May use:</b> the public API, {@code internal.config}, {@code internal.verdict}, {@code internal.results}
 * and the leaves.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
