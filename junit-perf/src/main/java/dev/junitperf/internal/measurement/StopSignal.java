package dev.junitperf.internal.measurement;

/** Tell every sampler to stop: set once by a timeout or an aborted test, read once per timing. */
final class StopSignal {

    private volatile boolean stopped;

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }
}
