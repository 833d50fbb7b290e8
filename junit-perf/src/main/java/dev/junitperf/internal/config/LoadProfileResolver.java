package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apiguardian.api.API;

import dev.junitperf.LoadProfile;
import dev.junitperf.Phase;
import dev.junitperf.PhaseSlo;
import dev.junitperf.RecoverySlo;

/**
 * Validate a {@code @LoadProfile} and the objectives that name its phases, before anything runs.
 *
 * <p>Every error names the annotation (with the phase's name when it has one), the attribute and the fix.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadProfileResolver {

    private LoadProfileResolver() {
    }

    /** Return the validated phases of {@code profile}, or {@link LoadPlan#NONE} without one. */
    public static LoadPlan plan(Optional<LoadProfile> profile) {
        if (profile.isEmpty()) {
            return LoadPlan.NONE;
        }
        Phase[] phases = profile.get().value();
        if (phases.length == 0) {
            throw ConfigErrors.misuse("@LoadProfile requires at least one @Phase, but had none: list the phases, e.g. "
                    + "@LoadProfile(@Phase(name = \"steady\", ratePerSec = 1_000, durationMs = 5_000))");
        }
        if (phases.length > LoadProfile.MAX_PHASES) {
            throw ConfigErrors.misuse(String.format(Locale.ROOT, "@LoadProfile requires at most %d phases, but had %d: "
                    + "merge some, or split the test", LoadProfile.MAX_PHASES, phases.length));
        }
        List<LoadPlan.Phase> planned = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < phases.length; i++) {
            LoadPlan.Phase phase = phase(phases[i], i + 1);
            if (!names.add(phase.name())) {
                throw ConfigErrors.misuse(String.format(Locale.ROOT, "@LoadProfile requires that every @Phase have its own "
                        + "`name`, but \"%s\" names more than one (phase #%d is the second): rename one", phase.name(), i + 1));
            }
            planned.add(phase);
        }
        return new LoadPlan(planned);
    }

    private static LoadPlan.Phase phase(Phase p, int number) {
        if (p.name().isBlank()) {
            throw ConfigErrors.attribute("@Phase #" + number + " of @LoadProfile", "name", "'" + p.name() + "'",
                    "a name objectives and reports can use, e.g. \"burst\"");
        }
        String source = "@Phase(name = \"" + p.name() + "\")";
        if (p.durationMs() < 1) {
            throw ConfigErrors.attribute(source, "durationMs", p.durationMs(), "at least 1");
        }
        boolean constant = p.ratePerSec() != Phase.UNSET;
        boolean from = p.fromPerSec() != Phase.UNSET;
        boolean to = p.toPerSec() != Phase.UNSET;
        if (constant && (from || to)) {
            throw ConfigErrors.misuse(source + " sets both `ratePerSec` and a ramp (`fromPerSec`/`toPerSec`): keep "
                    + "ratePerSec for a constant rate, or fromPerSec and toPerSec for a ramp");
        }
        if (!constant && from != to) {
            throw ConfigErrors.misuse(String.format("%s sets `%s` without `%s`: a ramp needs both, e.g. fromPerSec = 100, "
                    + "toPerSec = 5_000", source, from ? "fromPerSec" : "toPerSec", from ? "toPerSec" : "fromPerSec"));
        }
        if (!constant && !from) {
            throw ConfigErrors.misuse(source + " sets no rate: set `ratePerSec` for a constant rate, or `fromPerSec` and "
                    + "`toPerSec` for a ramp");
        }
        long nanos = TimeUnit.MILLISECONDS.toNanos(p.durationMs());
        if (constant) {
            requireRate(source, "ratePerSec", p.ratePerSec(), false);
            return new LoadPlan.Phase(p.name(), nanos, p.ratePerSec(), p.ratePerSec());
        }
        requireRate(source, "fromPerSec", p.fromPerSec(), true);
        requireRate(source, "toPerSec", p.toPerSec(), true);
        if (p.fromPerSec() == 0 && p.toPerSec() == 0) {
            throw ConfigErrors.misuse(source + " ramps from 0 to 0 and so starts nothing: raise `fromPerSec` or `toPerSec`");
        }
        return new LoadPlan.Phase(p.name(), nanos, p.fromPerSec(), p.toPerSec());
    }

    private static void requireRate(String source, String attribute, double rate, boolean zeroAllowed) {
        if (Double.isNaN(rate) || Double.isInfinite(rate) || rate < 0 || (!zeroAllowed && rate == 0)) {
            throw ConfigErrors.attribute(source, attribute, rate, zeroAllowed
                    ? "a finite number of invocations per second, 0 or greater"
                    : "a finite number of invocations per second, greater than 0");
        }
    }

    /**
     * Resolve the phase and recovery objectives of a test with {@code plan}: every name must be a phase of it.
     *
     * @param scale {@code junitperf.slo.scale}, applied to every time budget
     */
    public static LoadObjectives objectives(LoadPlan plan, List<PhaseSlo> phaseSlos, List<RecoverySlo> recoverySlos,
                                            double scale) {
        if (!plan.present()) {
            Optional<String> first = phaseSlos.stream().map(s -> "@PhaseSlo(phase = \"" + s.phase() + "\")").findFirst()
                    .or(() -> recoverySlos.stream().map(r -> "@RecoverySlo(after = \"" + r.after() + "\")").findFirst());
            first.ifPresent(a -> {
                throw ConfigErrors.misuse(a + " requires @LoadProfile on the same method: add the profile whose phases "
                        + "it names, or remove it");
            });
            return LoadObjectives.NONE;
        }
        List<LoadObjectives.PhaseObjective> phases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PhaseSlo s : phaseSlos) {
            requirePhase(plan, "@PhaseSlo", "phase", s.phase());
            if (!seen.add(s.phase())) {
                throw ConfigErrors.misuse("@PhaseSlo(phase = \"" + s.phase() + "\") is stated twice: state the phase's "
                        + "objectives in one @PhaseSlo");
            }
            phases.add(PhaseObjectives.resolve(plan, s, scale));
        }
        List<LoadObjectives.RecoveryObjective> recoveries = new ArrayList<>();
        for (RecoverySlo r : recoverySlos) {
            recoveries.add(recovery(plan, r, scale));
        }
        return new LoadObjectives(phases, recoveries);
    }

    /** Throw unless {@code name} names a phase of {@code plan}; return its index. */
    static int requirePhase(LoadPlan plan, String annotation, String attribute, String name) {
        OptionalInt index = plan.indexOf(name);
        if (index.isEmpty()) {
            throw ConfigErrors.attribute(annotation, attribute, "\"" + name + "\"", "one of the phases of @LoadProfile ("
                    + plan.names() + ")");
        }
        return index.getAsInt();
    }

    private static LoadObjectives.RecoveryObjective recovery(LoadPlan plan, RecoverySlo r, double scale) {
        String source = "@RecoverySlo(after = \"" + r.after() + "\")";
        int after = requirePhase(plan, "@RecoverySlo", "after", r.after());
        String baseline = r.baseline();
        if (baseline.isEmpty()) {
            if (after == 0) {
                throw ConfigErrors.misuse(source + " has no phase before \"" + r.after() + "\" to recover to: name one "
                        + "with `baseline`, or time the recovery after a later phase");
            }
            baseline = plan.phases().get(after - 1).name();
        } else {
            requirePhase(plan, "@RecoverySlo", "baseline", baseline);
            if (baseline.equals(r.after())) {
                throw ConfigErrors.attribute(source, "baseline", "\"" + baseline + "\"", "another phase than `after`");
            }
        }
        if (!(r.percentile() > 0 && r.percentile() < 100)) {
            throw ConfigErrors.attribute(source, "percentile", r.percentile(), "greater than 0 and less than 100, e.g. 99");
        }
        if (!(r.factor() >= 1) || Double.isInfinite(r.factor())) {
            throw ConfigErrors.attribute(source, "factor", r.factor(), "a finite number, at least 1 (1 means back to the "
                    + "baseline itself)");
        }
        if (r.windowMs() < 1) {
            throw ConfigErrors.attribute(source, "windowMs", r.windowMs(), "at least 1");
        }
        if (!(r.maxRecoveryMs() > 0) || Double.isInfinite(r.maxRecoveryMs())) {
            throw ConfigErrors.attribute(source, "maxRecoveryMs", r.maxRecoveryMs(), "a finite number greater than 0");
        }
        double budgetMs = r.maxRecoveryMs() * scale;
        double leftMs = (plan.totalNanos() - plan.startNanos(after + 1)) / 1e6;
        if (leftMs < budgetMs + r.windowMs()) {
            throw ConfigErrors.misuse(String.format(Locale.ROOT, "%s needs at least `maxRecoveryMs` + `windowMs` (%s + %s ms%s) "
                    + "of phases after \"%s\", so that a window that starts as late as the budget allows still fits, but the "
                    + "profile has %s ms after it: add or lengthen a phase after it, or lower maxRecoveryMs or windowMs", source,
                    number(budgetMs), number(r.windowMs()), scale == 1 ? "" : ", with junitperf.slo.scale = " + number(scale),
                    r.after(), number(leftMs)));
        }
        return new LoadObjectives.RecoveryObjective(r.after(), baseline, r.percentile(), r.factor(),
                TimeUnit.MILLISECONDS.toNanos(r.windowMs()), budgetMs);
    }

    static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
    }
}
