package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Describe how to create and run an agent; one spec may spawn any number of agents.
 *
 * @param factory creates the agent, again on every restart
 * @param capabilities what the agent can do, for discovery
 * @param metadata free key/value attributes, for discovery
 * @param mailbox the mailbox configuration
 * @param supervision the reaction to failures
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public record AgentSpec(
        Supplier<? extends Agent> factory,
        Set<String> capabilities,
        Map<String, String> metadata,
        MailboxConfig mailbox,
        SupervisionStrategy supervision) {

    /** Validate the spec and freeze its collections. */
    public AgentSpec {
        Objects.requireNonNull(factory, "factory must not be null");
        capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities must not be null"));
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
        Objects.requireNonNull(mailbox, "mailbox must not be null");
        Objects.requireNonNull(supervision, "supervision must not be null");
    }

    /** Return a spec with no capabilities, an unbounded mailbox and the default supervision. */
    public static AgentSpec of(Supplier<? extends Agent> factory) {
        return new AgentSpec(factory, Set.of(), Map.of(), MailboxConfig.unbounded(), SupervisionStrategy.defaultStrategy());
    }

    /** Return a copy with these capabilities. */
    public AgentSpec withCapabilities(String... capabilities) {
        return new AgentSpec(factory, Set.copyOf(Arrays.asList(capabilities)), metadata, mailbox, supervision);
    }

    /** Return a copy with this metadata. */
    public AgentSpec withMetadata(Map<String, String> metadata) {
        return new AgentSpec(factory, capabilities, metadata, mailbox, supervision);
    }

    /** Return a copy with this mailbox. */
    public AgentSpec withMailbox(MailboxConfig mailbox) {
        return new AgentSpec(factory, capabilities, metadata, mailbox, supervision);
    }

    /** Return a copy with this supervision strategy. */
    public AgentSpec withSupervision(SupervisionStrategy supervision) {
        return new AgentSpec(factory, capabilities, metadata, mailbox, supervision);
    }
}
