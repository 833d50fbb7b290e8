/**
 * The engine: the JUnit-facing {@code PerfRuntime} implementation that runs the pipeline for each perf test:
 * plan ({@code PerfTestPlan}) → measure ({@code RunJudge} calls {@code internal.measurement}) → one judging
 * step (objectives → relative objective → regression gate → {@code JudgedRun}) → results file and reports
 * ({@code Reporting}).
 *
 * <p><b>Owns:</b> the order of the stages and the JUnit store. <b>May use:</b> every other package; none
 * uses it.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
