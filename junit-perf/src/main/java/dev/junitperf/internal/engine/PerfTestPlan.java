package dev.junitperf.internal.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.junitperf.LoadProfile;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PhaseSlo;
import dev.junitperf.RecoverySlo;
import dev.junitperf.Slo;
import dev.junitperf.internal.baseline.Baseline;
import dev.junitperf.internal.config.ConfigErrors;
import dev.junitperf.internal.config.Configuration;
import dev.junitperf.internal.config.LoadObjectives;
import dev.junitperf.internal.config.LoadPlan;
import dev.junitperf.internal.config.LoadProfileResolver;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.Mode;
import dev.junitperf.internal.config.PerfAttributes;
import dev.junitperf.internal.config.PerfConfigurationException;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.config.SettingsResolver;
import dev.junitperf.internal.config.SloResolver;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.measurement.Clocks;
import dev.junitperf.internal.measurement.StoppingRule;
import dev.junitperf.internal.memory.AllocationCounters;

/**
 * Hold everything resolved and validated for one perf test before anything runs.
 *
 * <p>Every configuration error surfaces here, as JUnit's {@link ExtensionConfigurationException},
 * before any warmup.
 */
final class PerfTestPlan {

    final String perfAnnotation;
    final Mode mode;
    final PerfSettings settings;
    final SloSpec slo;
    final LoadObjectives load;
    final MemorySpec memory;
    final int confirmRuns;
    final String testName;
    final Optional<Baseline> baseline;
    final double warnPct;
    final double failPct;
    final boolean jfrOnBreach;
    final Optional<ReferenceMethod> reference;
    final StoppingRule rule;
    final double noiseThreshold;
    final int noiseRetries;

    private PerfTestPlan(String perfAnnotation, Mode mode, PerfSettings settings, SloSpec slo, LoadObjectives load,
                         MemorySpec memory, int confirmRuns, String testName, Optional<Baseline> baseline, double[] thresholds,
                         boolean jfrOnBreach, Optional<ReferenceMethod> reference, Configuration configuration) {
        this.perfAnnotation = perfAnnotation;
        this.mode = mode;
        this.settings = settings;
        this.slo = slo;
        this.load = load;
        this.memory = memory;
        this.confirmRuns = confirmRuns;
        this.testName = testName;
        this.baseline = baseline;
        this.warnPct = thresholds[0];
        this.failPct = thresholds[1];
        this.jfrOnBreach = jfrOnBreach;
        this.reference = reference;
        // A profile fixes the run's length: it neither stops early nor is extended.
        this.rule = reference.isPresent() || settings.load().present() ? StoppingRule.fixed()
                : StoppingRule.of(slo, configuration.durationMaxFactor(), configuration.durationAdaptive());
        this.noiseThreshold = configuration.noiseThreshold();
        this.noiseRetries = configuration.noiseRetries();
    }

    /** Resolve and validate; throw {@link ExtensionConfigurationException} naming the attribute and the fix. */
    static PerfTestPlan resolve(Annotation perf, Method method, ExtensionContext context, Configuration configuration) {
        try {
            PerfAttributes attributes = PerfAttributes.of(perf);
            Mode mode = configuration.mode();
            Class<?> testClass = context.getRequiredTestClass();
            MemorySpec memory = MemorySpec.resolve(classAnnotation(testClass, MemoryBudget.class),
                    AnnotationSupport.findAnnotation(method, MemoryBudget.class));
            if (memory.needsAllocationCounters() && !AllocationCounters.supported()) {
                throw ConfigErrors.misuse("@MemoryBudget(maxAllocatedBytesPerOp) needs per-thread allocation counters, "
                        + "which this JVM does not offer or has disabled: run on HotSpot, or remove the budget");
            }
            LoadPlan plan = LoadProfileResolver.plan(AnnotationSupport.findAnnotation(method, LoadProfile.class));
            PerfSettings settings = new SettingsResolver(configuration, Clocks::unavailableReason).resolve(attributes, plan);
            settings = settings.with(settings.batching(), memory.needsRetainedHeap());
            Optional<Slo> classSlo = classAnnotation(testClass, Slo.class);
            Optional<Slo> methodSlo = AnnotationSupport.findAnnotation(method, Slo.class);
            SloSpec slo = SloResolver.resolve(classSlo, methodSlo, settings, configuration.sloScale(),
                    attributes.annotationName());
            settings = settings.withMinTimings(slo.requiredTimings());
            LoadObjectives load = LoadProfileResolver.objectives(plan,
                    AnnotationSupport.findRepeatableAnnotations(method, PhaseSlo.class),
                    AnnotationSupport.findRepeatableAnnotations(method, RecoverySlo.class), configuration.sloScale());
            double[] thresholds = SloResolver.regressionThresholds(classSlo, methodSlo, configuration);
            Optional<ReferenceMethod> reference = ReferenceMethod.resolve(testClass, method, classSlo, methodSlo);
            if (reference.isPresent() && plan.present()) {
                throw ConfigErrors.misuse("@LoadProfile cannot be combined with @Slo(fasterThan): interleaved rounds would "
                        + "each run half a profile; compare the phases of one run with @PhaseSlo(comparedTo), or remove one");
            }
            if (reference.isPresent() && memory.needsRetainedHeap()) {
                throw ConfigErrors.misuse("@MemoryBudget(maxRetainedBytes) cannot be combined with @Slo(fasterThan): the "
                        + "reference's rounds run in between; use maxRetainedBytesPerOp, which has its own leak-check run");
            }
            String name = testClass.getSimpleName() + "." + method.getName() + "()"
                    + (context.getDisplayName().startsWith(method.getName() + "(") ? "" : " " + context.getDisplayName());
            return new PerfTestPlan(attributes.annotationName(), mode, settings, slo, load, memory, configuration.confirmRuns(),
                    name, baseline(context, configuration), thresholds, configuration.jfrOnBreach(), reference, configuration);
        } catch (PerfConfigurationException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
    }

    /**
     * Load the {@code junitperf.baseline} once per test run, if one is configured.
     *
     * <p>{@code getOrComputeIfAbsent} is deprecated in JUnit 6 but is the only form JUnit 5.10 knows.
     */
    @SuppressWarnings("deprecation")
    static Optional<Baseline> baseline(ExtensionContext context, Configuration configuration) {
        return configuration.get(Configuration.BASELINE).map(path -> context.getRoot().getStore(Reporting.NAMESPACE)
                .getOrComputeIfAbsent("baseline:" + path, key -> Baseline.load(Path.of(path)), Baseline.class));
    }

    private static <A extends Annotation> Optional<A> classAnnotation(Class<?> testClass, Class<A> type) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<A> found = AnnotationSupport.findAnnotation(c, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
