package dev.junitperf.internal.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apiguardian.api.API;

/**
 * Measure what threads other than the measuring ones allocate during a phase: work handed to executors.
 *
 * <p>Snapshots every live thread's counter at the start and the end. On JDK 21+ the JVM-wide total
 * (dead threads included, {@code getTotalThreadAllocatedBytes}) is used instead where the JVM offers it,
 * so a thread that starts and ends inside the phase is still counted; otherwise such a thread is missed,
 * and the result says so. The start snapshot is the last thing taken before the measured phase begins
 * and the end snapshot the first thing after it, so the harness's own work is outside the window.
 */
@API(status = INTERNAL, since = "0.1")
public final class OtherThreadAllocations {

    private Map<Long, Long> before;
    private Optional<Long> totalBefore = Optional.empty();
    private long bytes = -1;
    private boolean includesEnded;

    /** Take the start snapshot. */
    public void start() {
        before = AllocationCounters.liveThreads();
        totalBefore = AllocationCounters.total();
    }

    /**
     * Take the end snapshot and compute what every other thread allocated.
     *
     * @param workerIds ids of the measuring threads (they may have ended by now)
     * @param runnerId id of the thread running the measurement, which takes this snapshot
     * @param measuringBytes what the measuring threads allocated, as each counted itself
     */
    public void end(Set<Long> workerIds, long runnerId, long measuringBytes) {
        if (before == null) {
            return;
        }
        Optional<Long> totalAfter = AllocationCounters.total();
        Map<Long, Long> after = AllocationCounters.liveThreads();
        Set<Long> excluded = new HashSet<>(workerIds);
        excluded.add(runnerId);
        if (totalBefore.isPresent() && totalAfter.isPresent()) {
            long runnerBytes = after.getOrDefault(runnerId, 0L) - before.getOrDefault(runnerId, 0L);
            bytes = Math.max(0, totalAfter.get() - totalBefore.get() - measuringBytes - runnerBytes);
            includesEnded = true;
        } else {
            bytes = AllocationCounters.delta(before, after, excluded);
        }
    }

    public long bytes() {
        return bytes;
    }

    public boolean includesEnded() {
        return includesEnded;
    }
}
