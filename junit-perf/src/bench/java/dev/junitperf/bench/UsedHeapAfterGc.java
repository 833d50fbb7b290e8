package dev.junitperf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Read the used heap after full collections, so only reachable objects are counted. */
final class UsedHeapAfterGc {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private UsedHeapAfterGc() {
    }

    /** Force two full collections and return the used heap in bytes. */
    static long usedAfterFullGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
