package dev.junitperf.internal.measurement;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

/**
 * Read the current thread's CPU time in nanoseconds, through {@link ThreadMXBean}.
 *
 * <p>On Linux HotSpot this is {@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}: nanosecond resolution,
 * about 0.2–0.3 µs per read, no allocation. Time the thread spends off the CPU (blocked, or runnable but
 * waiting for a core) does not advance it.
 */
final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpuClock() {
    }

    /** Return why this JVM cannot measure thread CPU time, or empty if it can. */
    static Optional<String> unavailableReason() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            return Optional.of("this JVM does not measure the CPU time of threads");
        }
        if (!THREADS.isThreadCpuTimeEnabled()) {
            try {
                THREADS.setThreadCpuTimeEnabled(true);
            } catch (UnsupportedOperationException | SecurityException e) {
                return Optional.of("thread CPU time measurement is disabled and cannot be enabled (" + e + ")");
            }
        }
        return Optional.empty();
    }

    /** Return the current thread's CPU time (user + system) in nanoseconds. */
    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
