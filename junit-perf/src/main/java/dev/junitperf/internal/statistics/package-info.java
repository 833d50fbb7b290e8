/**
 * Leaf: order statistics (distribution-free confidence intervals of percentiles) and the reported
 * percentile set. <b>May use:</b> nothing of junit-perf.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.statistics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
