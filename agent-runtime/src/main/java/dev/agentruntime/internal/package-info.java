/**
 * Implement the runtime behind {@code dev.agentruntime}; nothing here is API and any of it may
 * change in any release.
 *
 * <p>Owns the runtime the agents share ({@link dev.agentruntime.internal.CellRuntime}: worker pool,
 * timer, pending replies, dead letters), the agent cell (mailbox, turns, supervision, lifecycle),
 * the indexed registry, the event stream, shared variables and vote collection. Public types exist
 * only because {@code AgentSystem} creates the runtime from another package; each carries
 * {@code @ApiStatus(status = INTERNAL)}.
 *
 * <p>May use: the JDK, and the contracts and values of {@code dev.agentruntime} that it implements
 * or passes on. It must not depend on {@code dev.agentruntime.AgentSystem}, the entry point that owns
 * it: the runtime never calls back into its owner ({@code ArchitectureTests}).
 */
@ApiStatus(status = INTERNAL)
package dev.agentruntime.internal;

import static dev.agentruntime.ApiStatus.Status.INTERNAL;

import dev.agentruntime.ApiStatus;
