package dev.agentruntime.bench;

import java.lang.management.ManagementFactory;

/** Measure the live heap. */
final class Heap {

    private Heap() {
    }

    /** Return the used heap after several full collections. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
