package dev.agentruntime.internal;

/**
 * Count restarts in a sliding time window; used by one agent's consumer thread only.
 *
 * <p>Restart times are kept in a ring that grows on demand, so a generous {@code maxRestarts}
 * costs memory only when the agent really fails that often.
 */
final class RestartBudget {

    private final long windowNanos;
    private long[] times = new long[4];
    private int oldest;
    private int count;

    RestartBudget(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Record a restart at {@code now}; return the restarts within the window, or -1 if the budget is spent. */
    int tryRestart(long now, int maxRestarts) {
        while (count > 0 && now - times[oldest] > windowNanos) {
            oldest = (oldest + 1) % times.length;
            count--;
        }
        if (count >= maxRestarts) {
            return -1;
        }
        if (count == times.length) {
            long[] grown = new long[times.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = times[(oldest + i) % times.length];
            }
            times = grown;
            oldest = 0;
        }
        times[(oldest + count) % times.length] = now;
        count++;
        return count;
    }
}
