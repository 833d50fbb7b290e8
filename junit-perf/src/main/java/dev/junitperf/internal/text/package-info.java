/**
 * Leaf: number formats and breach sentences shared by the API's assertions and the verdict stage.
 * <b>May use:</b> nothing of junit-perf.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
