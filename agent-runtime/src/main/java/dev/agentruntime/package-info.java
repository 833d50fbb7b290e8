/**
 * Run agents in process: the public API of agent-runtime.
 *
 * <p>Owns the entry point {@link dev.agentruntime.AgentSystem}, the contracts users implement or
 * call ({@link dev.agentruntime.Agent}, {@link dev.agentruntime.AgentRef},
 * {@link dev.agentruntime.AgentContext}, {@link dev.agentruntime.AgentRegistry},
 * {@link dev.agentruntime.EventStream}, {@link dev.agentruntime.Router},
 * {@link dev.agentruntime.SharedVariable}), the values they exchange (specs, configurations,
 * queries, events, votes; records and enums) and the exceptions they throw, plus the package-private
 * routers behind the {@code Router} factories. Every public type carries {@link dev.agentruntime.ApiStatus}.
 *
 * <p>May use: the JDK, and {@code dev.agentruntime.internal} only from {@code AgentSystem}, which
 * creates the runtime there. No public or protected signature in this package names an internal
 * type, and no other type here depends on the internal package ({@code ArchitectureTests}).
 */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;
