package dev.agentruntime.slo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Measure the CPU time that a chosen set of threads has used since the window was opened.
 *
 * <p>Each thread's CPU clock ({@link ThreadMXBean#getThreadCpuTime}) has nanosecond resolution here,
 * unlike the process CPU time of {@code OperatingSystemMXBean}, which moves in 10 ms steps. A thread
 * started after the window opened counts from zero; a thread that ends inside the window takes its
 * CPU time with it, which cannot happen to an open agent system's threads. Not thread-safe: one
 * thread at a time opens and reads a window.
 */
final class ThreadCpuWindow {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Predicate<String> threadName;
    private final Map<Long, Long> startNanos = new HashMap<>();

    private ThreadCpuWindow(Predicate<String> threadName) {
        this.threadName = threadName;
        forEachChosenThread((info, nanos) -> startNanos.put(info.getThreadId(), nanos));
    }

    /** Open a window over the threads whose name {@code threadName} accepts. */
    static ThreadCpuWindow open(Predicate<String> threadName) {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            throw new IllegalStateException("idle CPU is measured with per-thread CPU time, which this JVM does not support "
                    + "or has disabled: enable it with ManagementFactory.getThreadMXBean().setThreadCpuTimeEnabled(true)");
        }
        return new ThreadCpuWindow(threadName);
    }

    /** Return each chosen thread's CPU time since the window opened, by thread name and id. */
    Map<String, Duration> cpuByThread() {
        Map<String, Duration> byThread = new TreeMap<>();
        forEachChosenThread((info, nanos) -> byThread.put(info.getThreadName() + "#" + info.getThreadId(),
                Duration.ofNanos(nanos - startNanos.getOrDefault(info.getThreadId(), 0L))));
        return byThread;
    }

    /** Return the CPU time all chosen threads together used since the window opened. */
    Duration cpu() {
        return total(cpuByThread());
    }

    /** Return the sum of {@code byThread}'s times. */
    static Duration total(Map<String, Duration> byThread) {
        return byThread.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    private void forEachChosenThread(ThreadCpuConsumer consumer) {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (info != null && threadName.test(info.getThreadName())) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    consumer.accept(info, nanos);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ThreadCpuConsumer {
        void accept(ThreadInfo thread, long cpuNanos);
    }
}
