package dev.junitperf.testing.cycle.a;

import dev.junitperf.testing.cycle.b.Pong;

/** Half of a deliberate package cycle, for ArchitectureTests to prove its cycle rule can fail. */
public final class Ping {

    public Pong pong() {
        return new Pong();
    }
}
