/**
 * The public API of junit-perf: the annotations ({@link dev.junitperf.PerfTest}, {@link dev.junitperf.Slo},
 * {@link dev.junitperf.MemoryBudget}, {@link dev.junitperf.PerfSweep}), the programmatic entry point
 * {@link dev.junitperf.Perf}, the results ({@link dev.junitperf.PerfResult} and its parts) and their assertions.
 *
 * <p><b>Owns:</b> everything a user names. <b>May use:</b> the leaf packages {@code internal.statistics},
 * {@code internal.memory} and {@code internal.text}, which use nothing of junit-perf; never the pipeline.
 * The engine is reached through the {@link dev.junitperf.PerfRuntime} service interface, so no type of
 * {@code internal} appears in a public signature (checked by {@code ArchitectureTests}).
 */
package dev.junitperf;
