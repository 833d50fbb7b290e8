package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

/** State how well an agent reports itself to be working; used by discovery queries. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public enum Health {
    HEALTHY,
    DEGRADED,
    UNHEALTHY
}
