/**
 * Leaf: allocation counters, retained-heap measurement and GC control. <b>May use:</b> nothing of junit-perf.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
