package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.OptionalInt;

import org.apiguardian.api.API;

/**
 * Hold the validated phases of a {@code @LoadProfile}, in the order they run; empty without a profile.
 *
 * @param phases the phases; each starts where the one before it ends
 */
@API(status = INTERNAL, since = "0.1")
public record LoadPlan(List<Phase> phases) {

    /** No profile: a closed loop, or one constant {@code ratePerSec}. */
    public static final LoadPlan NONE = new LoadPlan(List.of());

    public LoadPlan {
        phases = List.copyOf(phases);
    }

    /**
     * One phase: its rate goes linearly from {@code fromPerSec} to {@code toPerSec} (equal for a constant rate).
     *
     * @param name the phase's unique name
     * @param durationNanos its length
     * @param fromPerSec the rate at its start, invocations per second over all threads
     * @param toPerSec the rate at its end
     */
    public record Phase(String name, long durationNanos, double fromPerSec, double toPerSec) {

        /** Return how many invocations the phase starts: the integral of its rate. */
        public double plannedInvocations() {
            return (fromPerSec + toPerSec) / 2 * durationNanos / 1e9;
        }

        /** Report whether the rate changes over the phase. */
        public boolean ramp() {
            return fromPerSec != toPerSec;
        }
    }

    /** Report whether there is a profile at all. */
    public boolean present() {
        return !phases.isEmpty();
    }

    /** Return the length of the whole profile. */
    public long totalNanos() {
        long total = 0;
        for (Phase p : phases) {
            total += p.durationNanos();
        }
        return total;
    }

    /** Return when phase {@code index} starts, from the start of the profile. */
    public long startNanos(int index) {
        long start = 0;
        for (int i = 0; i < index; i++) {
            start += phases.get(i).durationNanos();
        }
        return start;
    }

    /** Return the invocations the whole profile starts. */
    public double plannedInvocations() {
        double n = 0;
        for (Phase p : phases) {
            n += p.plannedInvocations();
        }
        return n;
    }

    /** Return the mean rate over the whole profile, in invocations per second. */
    public double meanRatePerSec() {
        return present() ? plannedInvocations() * 1e9 / totalNanos() : 0;
    }

    /** Return the index of the phase with this name, if there is one. */
    public OptionalInt indexOf(String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Return the phases' names, quoted and comma-separated, for messages. */
    public String names() {
        return String.join(", ", phases.stream().map(p -> "\"" + p.name() + "\"").toList());
    }
}
