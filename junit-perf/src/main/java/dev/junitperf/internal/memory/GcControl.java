package dev.junitperf.internal.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Force full garbage collections, check that they happened, and read the heap that survived them.
 *
 * <p>{@code System.gc()} is only a request: with {@code -XX:+DisableExplicitGC} nothing happens, and with
 * {@code -XX:+ExplicitGCInvokesConcurrent} it starts a concurrent cycle whose result is not final when
 * the call returns. Both make a retained-heap figure meaningless, so they are reported as reasons for an
 * INCONCLUSIVE verdict, never read as a clean heap.
 */
@API(status = INTERNAL, since = "0.1")
public final class GcControl {

    private static final int COLLECTIONS = 2;
    /**
     * The collectors, looked up once: {@code ManagementFactory.getGarbageCollectorMXBeans()} took 50–150 µs a call
     * here, and the counts are read at the start gate, right before the first timing.
     */
    private static final List<GarbageCollectorMXBean> COLLECTORS = List.copyOf(ManagementFactory.getGarbageCollectorMXBeans());

    private GcControl() {
    }

    /** Return why explicit full GCs cannot be trusted on this JVM, if they cannot. */
    public static Optional<String> untrustworthyReason() {
        if (flag("DisableExplicitGC")) {
            return Optional.of("explicit GC is disabled (-XX:+DisableExplicitGC), so no full GC can be forced");
        }
        if (flag("ExplicitGCInvokesConcurrent")) {
            return Optional.of("System.gc() is concurrent here (-XX:+ExplicitGCInvokesConcurrent), so the heap is "
                    + "not final when it returns");
        }
        return Optional.empty();
    }

    /** Return a warning when the collector can hide garbage in dead space (Serial GC with MarkSweepDeadRatio > 0). */
    public static Optional<String> deadSpaceWarning() {
        boolean serial = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(b -> b.getName().equals("MarkSweepCompact"));
        String ratio = option("MarkSweepDeadRatio").orElse("0");
        if (serial && !ratio.equals("0")) {
            return Optional.of("Serial GC keeps up to " + ratio + " % dead space uncompacted, which can hide a leak; "
                    + "run with -XX:MarkSweepDeadRatio=0 for exact retained-heap figures");
        }
        return Optional.empty();
    }

    /**
     * Force full collections and return the heap used after them, or empty if no collection happened.
     */
    public static Optional<Long> usedHeapAfterFullGc() {
        long before = collectionCount();
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        if (collectionCount() == before) {
            return Optional.empty();
        }
        return Optional.of(usedHeapAfterLastGc());
    }

    /** Return the total number of collections so far, over all collectors. */
    public static long collectionCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : COLLECTORS) {
            n += Math.max(0, b.getCollectionCount());
        }
        return n;
    }

    /** Return the total time spent collecting so far, in milliseconds, over all collectors. */
    public static long collectionTimeMs() {
        long t = 0;
        for (GarbageCollectorMXBean b : COLLECTORS) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }

    private static long usedHeapAfterLastGc() {
        long used = 0;
        boolean any = false;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
                any = true;
            }
        }
        return any ? used : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static boolean flag(String name) {
        return option(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<String> option(String name) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = bean == null ? null : bean.getVMOption(name);
            return Optional.ofNullable(option).map(VMOption::getValue);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
