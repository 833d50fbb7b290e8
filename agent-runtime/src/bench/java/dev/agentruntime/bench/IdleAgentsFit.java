package dev.agentruntime.bench;

import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentSystem;

/** Spawn N idle, registered agents in this JVM (run with a small {@code -Xmx}) and print the heap they use. */
public final class IdleAgentsFit {

    private IdleAgentsFit() {
    }

    /** Spawn {@code args[0]} agents and print {@code agents=N usedBytes=B bytesPerAgent=X}. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        try (AgentSystem system = AgentSystem.create()) {
            AgentSpec spec = AgentSpec.of(RuntimeContender.IdleAgent::new).withCapabilities("idle");
            long before = Heap.usedAfterGc();
            for (int i = 0; i < n; i++) {
                system.spawn(spec);
            }
            long after = Heap.usedAfterGc();
            System.out.printf("agents=%d usedBytes=%d bytesPerAgent=%.1f maxHeap=%d%n",
                    system.registry().size(), after, (after - before) / (double) n, Runtime.getRuntime().maxMemory());
        }
    }
}
