package dev.junitperf.internal.config;

import java.util.Locale;

import dev.junitperf.PhaseSlo;

/** Validate one {@code @PhaseSlo} against the profile whose phase it names. */
final class PhaseObjectives {

    private PhaseObjectives() {
    }

    static LoadObjectives.PhaseObjective resolve(LoadPlan plan, PhaseSlo s, double scale) {
        String source = "@PhaseSlo(phase = \"" + s.phase() + "\")";
        double p50 = budget(source, "p50Ms", s.p50Ms());
        double p90 = budget(source, "p90Ms", s.p90Ms());
        double p99 = budget(source, "p99Ms", s.p99Ms());
        double p999 = budget(source, "p999Ms", s.p999Ms());
        double max = budget(source, "maxMs", s.maxMs());
        requireOrdered(source, "p50Ms", p50, "p90Ms", p90);
        requireOrdered(source, "p90Ms", p90, "p99Ms", p99);
        requireOrdered(source, "p50Ms", p50, "p99Ms", p99);
        requireOrdered(source, "p99Ms", p99, "p999Ms", p999);
        requireOrdered(source, "p999Ms", p999, "maxMs", max);
        requireOrdered(source, "p99Ms", p99, "maxMs", max);
        String comparedTo = s.comparedTo();
        double slowdown = s.maxSlowdownPct() == PhaseSlo.UNSET ? Double.NaN : s.maxSlowdownPct();
        if (comparedTo.isEmpty() != Double.isNaN(slowdown)) {
            throw ConfigErrors.misuse(source + (comparedTo.isEmpty()
                    ? " sets `maxSlowdownPct` without `comparedTo`: name the phase it must not be slower than"
                    : " sets `comparedTo` without `maxSlowdownPct`: say by how many percent it may be slower, e.g. 10"));
        }
        if (!comparedTo.isEmpty()) {
            LoadProfileResolver.requirePhase(plan, source, "comparedTo", comparedTo);
            if (comparedTo.equals(s.phase())) {
                throw ConfigErrors.attribute(source, "comparedTo", "\"" + comparedTo + "\"", "another phase than `phase`");
            }
            if (!(slowdown >= 0) || Double.isInfinite(slowdown)) {
                throw ConfigErrors.attribute(source, "maxSlowdownPct", slowdown, "a finite percentage, 0 or greater");
            }
        }
        if (Double.isNaN(p50) && Double.isNaN(p90) && Double.isNaN(p99) && Double.isNaN(p999) && Double.isNaN(max)
                && comparedTo.isEmpty()) {
            throw ConfigErrors.misuse(source + " states no objective: set a budget such as p99Ms, or comparedTo with "
                    + "maxSlowdownPct, or remove it");
        }
        LoadObjectives.PhaseObjective objective = new LoadObjectives.PhaseObjective(s.phase(), p50 * scale, p90 * scale,
                p99 * scale, p999 * scale, max * scale, comparedTo, slowdown);
        requireEnoughSamples(plan, objective, source);
        if (!comparedTo.isEmpty()) {
            requireEnoughSamples(plan, s.phase(), 5, source, "compare medians");
            requireEnoughSamples(plan, comparedTo, 5, source, "compare medians");
        }
        return objective;
    }

    private static double budget(String source, String attribute, double value) {
        if (value == PhaseSlo.UNSET) {
            return Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ConfigErrors.attribute(source, attribute, value, "a finite number greater than 0");
        }
        return value;
    }

    private static void requireOrdered(String source, String lowName, double low, String highName, double high) {
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw ConfigErrors.attribute(source, lowName, low,
                    "at most `" + highName + "` (" + high + "), as a lower percentile cannot exceed a higher one");
        }
    }

    /** Reject a percentile objective the phase cannot start enough invocations to judge. */
    private static void requireEnoughSamples(LoadPlan plan, LoadObjectives.PhaseObjective o, String source) {
        for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
            if (!Double.isNaN(o.budgetMs(p))) {
                requireEnoughSamples(plan, o.phase(), p.requiredSamples(), source, "judge " + p.label() + " (`" + p.attribute()
                        + "`)");
            }
        }
    }

    private static void requireEnoughSamples(LoadPlan plan, String phase, long required, String source, String purpose) {
        LoadPlan.Phase p = plan.phases().get(plan.indexOf(phase).orElseThrow());
        if (p.plannedInvocations() < required) {
            throw ConfigErrors.misuse(String.format(Locale.ROOT, "%s needs at least %,d samples in phase \"%s\" to %s, but "
                    + "the phase starts %,.0f (%s ms at %s): raise its rate or its durationMs", source, required, phase,
                    purpose, p.plannedInvocations(), LoadProfileResolver.number(p.durationNanos() / 1e6), rate(p)));
        }
    }

    static String rate(LoadPlan.Phase p) {
        return p.ramp() ? LoadProfileResolver.number(p.fromPerSec()) + "→" + LoadProfileResolver.number(p.toPerSec()) + "/s"
                : LoadProfileResolver.number(p.fromPerSec()) + "/s";
    }
}
