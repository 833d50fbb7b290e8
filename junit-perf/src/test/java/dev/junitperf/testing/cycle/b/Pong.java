package dev.junitperf.testing.cycle.b;

import dev.junitperf.testing.cycle.a.Ping;

/** The other half of the deliberate package cycle. */
public final class Pong {

    public Ping ping() {
        return new Ping();
    }
}
