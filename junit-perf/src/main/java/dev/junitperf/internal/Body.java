package dev.junitperf.internal;

/** Invoke the code under measurement once, on the calling thread. */
@FunctionalInterface
public interface Body {

    /** Invoke once; any throwable counts as a failed invocation. */
    void invoke() throws Throwable;
}
