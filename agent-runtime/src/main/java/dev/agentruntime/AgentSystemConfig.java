package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;

/**
 * Configure an {@link AgentSystem}.
 *
 * @param name prefix of the system's thread names
 * @param parallelism number of worker threads agents are multiplexed on
 * @param throughput messages an agent handles per turn before yielding its thread
 * @param shutdownTimeout how long {@link AgentSystem#close()} waits for threads to finish
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record AgentSystemConfig(String name, int parallelism, int throughput, Duration shutdownTimeout) {

    /** Validate the configuration. */
    public AgentSystemConfig {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("AgentSystemConfig requires a non-blank name");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("AgentSystemConfig requires parallelism >= 1, but was " + parallelism);
        }
        if (throughput < 1) {
            throw new IllegalArgumentException("AgentSystemConfig requires throughput >= 1, but was " + throughput);
        }
    }

    /** Return the defaults: one worker per core, 64 messages per turn, 10 s shutdown timeout. */
    public static AgentSystemConfig defaults() {
        return new AgentSystemConfig("agents", Runtime.getRuntime().availableProcessors(), 64, Duration.ofSeconds(10));
    }

    /** Return a copy with this name. */
    public AgentSystemConfig withName(String newName) {
        return new AgentSystemConfig(newName, parallelism, throughput, shutdownTimeout);
    }

    /** Return a copy with this parallelism. */
    public AgentSystemConfig withParallelism(int newParallelism) {
        return new AgentSystemConfig(name, newParallelism, throughput, shutdownTimeout);
    }

    /** Return a copy with this throughput. */
    public AgentSystemConfig withThroughput(int newThroughput) {
        return new AgentSystemConfig(name, parallelism, newThroughput, shutdownTimeout);
    }
}
