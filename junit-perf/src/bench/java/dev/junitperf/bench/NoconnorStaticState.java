package dev.junitperf.bench;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;

/**
 * Reach the static maps in which noconnor's interceptor keeps every test's details, samples included.
 *
 * <p>The maps are {@code protected static}, so a subclass is the one way to read or clear them without
 * reflection. The benchmark never registers this class as an extension.
 */
final class NoconnorStaticState extends JUnitPerfInterceptor {

    private NoconnorStaticState() {
    }

    /** Return how many tests' details the interceptor still holds. */
    static int heldTests() {
        return testContexts.size();
    }

    /** Drop everything the interceptor holds, as a fresh JVM would have it. */
    static void clear() {
        testContexts.clear();
        sharedContexts.clear();
    }
}
