package dev.agentruntime.bench;

import org.HdrHistogram.Histogram;

/** Run the shared workloads on one actor implementation; each call is one measured round. */
interface Contender {

    String name();

    /** Spawn {@code n} idle agents (registered, where the implementation has a registry); return ns per agent. */
    double spawnNanosPerAgent(int n) throws Exception;

    /** Return the retained heap per idle agent, measured as the GC'd heap difference over {@code n} agents. */
    double idleBytesPerAgent(int n) throws Exception;

    /** Run {@code pairs} ping-pong pairs with {@code inFlight} pings outstanding each; return messages per second. */
    double pipelinedPingPong(int pairs, int inFlight, int roundTripsPerPair) throws Exception;

    /** Tell {@code messages} messages to one agent from one outside thread; return messages per second. */
    double tellOnly(int messages) throws Exception;

    /** Tell {@code messages} messages round-robin over {@code agents} agents from one outside thread. */
    double roundRobin(int agents, int messages) throws Exception;

    /** Record the latency of {@code roundTrips} agent-to-agent round trips, one in flight. */
    Histogram agentRoundTrip(int roundTrips) throws Exception;

    /** Record the latency of {@code asks} asks from a plain outside thread; optionally spin before parking. */
    Histogram askLatency(int asks, boolean spin) throws Exception;

    /** Release everything the contender holds. */
    void shutdown() throws Exception;
}
