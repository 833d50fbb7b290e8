package dev.junitperf.internal.measurement;

import dev.junitperf.internal.config.LoadPlan;

/**
 * Say when each invocation of an open loop is intended to start: at a constant rate, or on a load profile's phases.
 *
 * <p>Invocation {@code k} (from 0, over all threads) is intended to start when the integral of the rate reaches
 * {@code k}. Within a phase whose rate goes linearly from {@code a} to {@code b} over {@code D}, the count after
 * {@code t} is {@code a t + c t²} with {@code c = (b - a) / 2D}, so {@code t = 2n / (a + sqrt(a² + 4cn))}: exact
 * for ramps up, ramps down and constant rates alike, and stable when {@code c} is near 0. Immutable; each
 * measuring thread walks it through its own {@link Arrivals}.
 */
final class ArrivalSchedule {

    private final long[] startNanos;
    private final double[] startCount;
    private final double[] ratePerNano;
    private final double[] halfSlope;
    private final long endNanos;
    private final double totalCount;

    private ArrivalSchedule(long[] startNanos, double[] startCount, double[] ratePerNano, double[] halfSlope, long endNanos,
                            double totalCount) {
        this.startNanos = startNanos;
        this.startCount = startCount;
        this.ratePerNano = ratePerNano;
        this.halfSlope = halfSlope;
        this.endNanos = endNanos;
        this.totalCount = totalCount;
    }

    /** Start invocations at {@code ratePerSec} for ever. */
    static ArrivalSchedule constant(double ratePerSec) {
        return new ArrivalSchedule(new long[] {0}, new double[] {0}, new double[] {ratePerSec / 1e9}, new double[] {0},
                Long.MAX_VALUE, Double.POSITIVE_INFINITY);
    }

    /** Start invocations on the phases of {@code plan}, one after another. */
    static ArrivalSchedule of(LoadPlan plan) {
        int n = plan.phases().size();
        long[] starts = new long[n];
        double[] counts = new double[n];
        double[] rates = new double[n];
        double[] slopes = new double[n];
        long t = 0;
        double count = 0;
        for (int i = 0; i < n; i++) {
            LoadPlan.Phase p = plan.phases().get(i);
            starts[i] = t;
            counts[i] = count;
            rates[i] = p.fromPerSec() / 1e9;
            slopes[i] = (p.toPerSec() - p.fromPerSec()) / 1e9 / p.durationNanos() / 2;
            t += p.durationNanos();
            count += p.plannedInvocations();
        }
        return new ArrivalSchedule(starts, counts, rates, slopes, t, count);
    }

    /** Return the view of the thread that starts invocations {@code index}, {@code index + threads}, … */
    Arrivals forThread(int index, int threads) {
        return new Arrivals(this, index, threads);
    }

    /** Return the phases' count. */
    int phases() {
        return startNanos.length;
    }

    /**
     * Return the intended start of global invocation {@code k} in phase {@code phase}, from the schedule's start;
     * the schedule's end for an invocation past the last phase.
     */
    long offsetNanos(double k, int phase) {
        if (k >= totalCount) {
            return endNanos;
        }
        double n = k - startCount[phase];
        if (n <= 0) {
            return startNanos[phase];
        }
        double a = ratePerNano[phase];
        double c = halfSlope[phase];
        double t = 2 * n / (a + Math.sqrt(Math.max(0, a * a + 4 * c * n)));
        return startNanos[phase] + (long) t;
    }

    /** Return the phase that global invocation {@code k} falls in, searching forward from {@code from}. */
    int phaseOf(double k, int from) {
        int phase = from;
        while (phase + 1 < startCount.length && k >= startCount[phase + 1]) {
            phase++;
        }
        return phase;
    }

    /**
     * Walk one thread's share of a schedule: its {@code i}-th invocation is global invocation {@code first + i * stride}.
     *
     * <p>Confined to its thread. Its invocations come in order, so the phase only moves forward: {@link #phase} is the
     * phase of the invocation whose start {@link #offsetNanos} returned last.
     */
    static final class Arrivals {
        private final ArrivalSchedule schedule;
        private final long first;
        private final long stride;
        int phase;

        Arrivals(ArrivalSchedule schedule, long first, long stride) {
            this.schedule = schedule;
            this.first = first;
            this.stride = stride;
        }

        /** Return the intended start of this thread's invocation {@code i}, from the schedule's start. */
        long offsetNanos(long i) {
            double k = first + (double) i * stride;
            phase = schedule.phaseOf(k, phase);
            return schedule.offsetNanos(k, phase);
        }
    }
}
