package dev.junitperf.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.AnnotatedElement;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.apiguardian.api.API;

import dev.junitperf.Slo;

/**
 * Merge class-level and method-level {@link Slo} per attribute, validate, and apply the scale.
 */
@API(status = INTERNAL, since = "0.1")
public final class SloResolver {

    private SloResolver() {
    }

    /**
     * Resolve the objectives of a perf test.
     *
     * @param onClass the {@code @Slo} of the test class or an enclosing class, if any
     * @param onMethod the {@code @Slo} of the test method, if any
     * @param settings the resolved settings, to check that a fixed sample count can support the percentiles
     * @param scale the {@code junitperf.slo.scale}
     */
    public static SloSpec resolve(Optional<Slo> onClass, Optional<Slo> onMethod, PerfSettings settings, double scale, String perfAnnotation) {
        onClass.ifPresent(SloResolver::rejectNaN);
        onMethod.ifPresent(SloResolver::rejectNaN);
        double p50 = merge(onClass, onMethod, Slo::p50Ms);
        double p90 = merge(onClass, onMethod, Slo::p90Ms);
        double p99 = merge(onClass, onMethod, Slo::p99Ms);
        double p999 = merge(onClass, onMethod, Slo::p999Ms);
        double max = merge(onClass, onMethod, Slo::maxMs);
        double mean = merge(onClass, onMethod, Slo::meanMs);
        double throughput = merge(onClass, onMethod, Slo::minThroughputPerSec);
        double errorRate = merge(onClass, onMethod, Slo::maxErrorRate);

        requirePositive("p50Ms", p50);
        requirePositive("p90Ms", p90);
        requirePositive("p99Ms", p99);
        requirePositive("p999Ms", p999);
        requirePositive("maxMs", max);
        requirePositive("meanMs", mean);
        requirePositive("minThroughputPerSec", throughput);
        if (errorRate < 0 || errorRate > 1) {
            throw ConfigErrors.attribute("@Slo", "maxErrorRate", errorRate, "a fraction from 0 to 1, e.g. 0.01 for 1 %");
        }
        requireOrdered("p50Ms", p50, "p90Ms", p90);
        requireOrdered("p50Ms", p50, "p99Ms", p99);
        requireOrdered("p50Ms", p50, "p999Ms", p999);
        requireOrdered("p90Ms", p90, "p99Ms", p99);
        requireOrdered("p90Ms", p90, "p999Ms", p999);
        requireOrdered("p99Ms", p99, "p999Ms", p999);
        requireOrdered("p999Ms", p999, "maxMs", max);
        requireOrdered("p99Ms", p99, "maxMs", max);

        SloSpec spec = new SloSpec(p50 * scale, p90 * scale, p99 * scale, p999 * scale, max * scale, mean * scale,
                throughput / scale, Double.isNaN(errorRate) ? 0.0 : errorRate, scale);
        requireEnoughSamples(spec, settings, perfAnnotation);
        if (settings.openLoop() && spec.minThroughputPerSec() > settings.ratePerSec()) {
            throw ConfigErrors.misuse(String.format(Locale.ROOT,
                    "@Slo requires that `minThroughputPerSec` (%s) be at most %s `ratePerSec` (%s): an open loop "
                            + "never runs faster than its rate; lower the objective or raise the rate",
                    spec.minThroughputPerSec(), perfAnnotation, settings.ratePerSec()));
        }
        return spec;
    }

    /** Return {@code @Slo} on the element, if present. */
    public static Optional<Slo> find(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Slo.class));
    }

    private static double merge(Optional<Slo> onClass, Optional<Slo> onMethod, ToDoubleFunction<Slo> attribute) {
        double m = onMethod.map(attribute::applyAsDouble).orElse(Slo.UNSET);
        if (m != Slo.UNSET) {
            return m;
        }
        double c = onClass.map(attribute::applyAsDouble).orElse(Slo.UNSET);
        return c != Slo.UNSET ? c : Double.NaN;
    }

    private static void rejectNaN(Slo slo) {
        rejectNaN("p50Ms", slo.p50Ms());
        rejectNaN("p90Ms", slo.p90Ms());
        rejectNaN("p99Ms", slo.p99Ms());
        rejectNaN("p999Ms", slo.p999Ms());
        rejectNaN("maxMs", slo.maxMs());
        rejectNaN("meanMs", slo.meanMs());
        rejectNaN("minThroughputPerSec", slo.minThroughputPerSec());
        rejectNaN("maxErrorRate", slo.maxErrorRate());
        rejectNaN("regressionWarnPct", slo.regressionWarnPct());
        rejectNaN("regressionFailPct", slo.regressionFailPct());
    }

    /**
     * Resolve the regression thresholds in percent: {@code @Slo} per attribute, then configuration.
     *
     * @return {@code [warnPct, failPct]}
     */
    public static double[] regressionThresholds(Optional<Slo> onClass, Optional<Slo> onMethod, Configuration configuration) {
        double warn = merge(onClass, onMethod, Slo::regressionWarnPct);
        double fail = merge(onClass, onMethod, Slo::regressionFailPct);
        requirePositive("regressionWarnPct", warn);
        requirePositive("regressionFailPct", fail);
        warn = Double.isNaN(warn) ? configuration.regressionThresholdPct(Configuration.REGRESSION_WARN, 5) : warn;
        fail = Double.isNaN(fail) ? configuration.regressionThresholdPct(Configuration.REGRESSION_FAIL, 10) : fail;
        if (warn > fail) {
            throw ConfigErrors.misuse(String.format(Locale.ROOT, "The regression warning threshold (%s %%) must not exceed "
                    + "the failure threshold (%s %%): lower `regressionWarnPct` / %s or raise `regressionFailPct` / %s",
                    warn, fail, Configuration.REGRESSION_WARN, Configuration.REGRESSION_FAIL));
        }
        return new double[] {warn, fail};
    }

    private static void rejectNaN(String attribute, double value) {
        if (Double.isNaN(value)) {
            throw ConfigErrors.attribute("@Slo", attribute, value, "a number (leave it out to state no objective)");
        }
    }

    private static void requirePositive(String attribute, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw ConfigErrors.attribute("@Slo", attribute, value, "a finite number greater than 0");
        }
    }

    private static void requireOrdered(String lowName, double low, String highName, double high) {
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw ConfigErrors.attribute("@Slo", lowName, low,
                    "at most `" + highName + "` (" + high + "), as a lower percentile cannot exceed a higher one");
        }
    }

    private static void requireEnoughSamples(SloSpec spec, PerfSettings settings, String perfAnnotation) {
        if (!settings.fixedCount()) {
            return;
        }
        for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
            long required = p.requiredSamples();
            if (!Double.isNaN(spec.budgetMs(p)) && settings.iterations() < required) {
                throw ConfigErrors.misuse(String.format(Locale.ROOT,
                        "@Slo(%s = %s) needs at least %,d samples to judge %s, but %s sets iterations = %,d: "
                                + "raise `iterations` to %,d or more, or measure for a time with `durationMs`",
                        p.attribute(), spec.budgetMs(p) / spec.scale(), required, p.label(), perfAnnotation,
                        settings.iterations(), required));
            }
        }
    }
}
