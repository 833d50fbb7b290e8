package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Perform one measured invocation, for the programmatic entry point {@link Perf}. */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface PerfBody {

    /** Perform one invocation; a thrown exception counts as a failed invocation. */
    void run(PerfContext context) throws Throwable;
}
