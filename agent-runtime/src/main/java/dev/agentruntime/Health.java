package dev.agentruntime;

/** State how well an agent reports itself to be working; used by discovery queries. */
public enum Health {
    HEALTHY,
    DEGRADED,
    UNHEALTHY
}
