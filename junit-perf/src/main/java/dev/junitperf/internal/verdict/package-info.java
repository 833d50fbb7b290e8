/**
 * Stage 3, verdict: judge a measured result against its objectives (latency, throughput, error rate,
 * memory) and a relative objective, and word the failure.
 *
 * <p><b>Owns:</b> {@code SloEvaluator}, {@code MemoryEvaluator}, {@code RelativeComparison}, {@code Judgement},
 * {@code FailureMessages}. <b>May use:</b> the public API, {@code internal.config} and {@code internal.text}.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
