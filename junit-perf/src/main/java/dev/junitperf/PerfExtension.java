package dev.junitperf;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.junitperf.internal.Baseline;
import dev.junitperf.internal.BaselineDiff;
import dev.junitperf.internal.BoundBody;
import dev.junitperf.internal.Configuration;
import dev.junitperf.internal.FailureMessages;
import dev.junitperf.internal.FlightRecording;
import dev.junitperf.internal.Judgement;
import dev.junitperf.internal.MeasurementRunner;
import dev.junitperf.internal.Mode;
import dev.junitperf.internal.PerfSettings;
import dev.junitperf.internal.ReferenceMethod;
import dev.junitperf.internal.RegressionGate;
import dev.junitperf.internal.RelativeComparison;
import dev.junitperf.internal.RunResult;
import dev.junitperf.internal.SamplingContext;
import dev.junitperf.internal.SloEvaluator;
import dev.junitperf.internal.StoppingRule;
import dev.junitperf.report.ConsoleLine;
import dev.junitperf.report.ConsoleSummary;
import dev.junitperf.report.EnvironmentInfo;
import dev.junitperf.report.JsonResultsWriter;
import dev.junitperf.report.TestOutcome;

/**
 * Drive {@link PerfTest} and {@link PerfSweep} methods: validate, warm up, measure, judge, report.
 *
 * <p>JUnit lets an interceptor proceed with an invocation only once, so the extension validates the
 * configuration, tells JUnit to skip its own invocation, and invokes the method itself through a
 * {@link MethodHandle} bound once per measuring thread to the test instance and the resolved arguments
 * (with each thread's own {@link PerfContext}); the measuring loop holds that handle as a JIT constant. {@code @BeforeEach} and {@code @AfterEach} therefore run
 * once around the whole measurement.
 */
final class PerfExtension implements InvocationInterceptor, ParameterResolver {

    static final Namespace NAMESPACE = Namespace.create(PerfExtension.class);
    private static final String TIMEOUT = "timeout";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        intercept(invocation, invocationContext, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PerfContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return new SamplingContext(0, 1);
    }

    private void intercept(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                           ExtensionContext context) throws Throwable {
        Method method = invocationContext.getExecutable();
        Optional<Annotation> perf = perfAnnotation(method);
        if (perf.isEmpty()) {
            for (Class<? extends Annotation> needsPerf : List.of(Slo.class, MemoryBudget.class)) {
                if (AnnotationSupport.isAnnotated(method, needsPerf)) {
                    throw new ExtensionConfigurationException(String.format(
                            "@%s on %s() requires @PerfTest (or @PerfSweep on a test template): add one to measure "
                                    + "the method, or remove @%s", needsPerf.getSimpleName(), method.getName(),
                            needsPerf.getSimpleName()));
                }
            }
            invocation.proceed();
            return;
        }
        Configuration configuration = Configuration.from(context::getConfigurationParameter);
        PerfTestPlan plan = PerfTestPlan.resolve(perf.get(), method, context, configuration);
        if (plan.mode == Mode.SMOKE) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        List<TestOutcome.Run> runs = measureAndConfirm(plan, invocationContext, context);
        TestOutcome.Run run = runs.get(runs.size() - 1);
        Optional<Path> recording = Optional.empty();
        if (plan.jfrOnBreach && plan.mode == Mode.ENFORCE && run.judgement().verdict() == Verdict.FAILED && timeout(run).isEmpty()) {
            recording = Optional.of(FlightRecording.record(reportDir(configuration).resolve("jfr").resolve(fileSafe(plan.testName) + ".jfr"),
                    () -> measure(plan, invocationContext, context)));
        }
        TestOutcome outcome = new TestOutcome(context.getUniqueId(), context.getRequiredTestClass().getName(),
                method.getName(), context.getDisplayName(), plan.mode.label(), run.judgement().verdict(), plan.slo,
                plan.memory, runs);
        report(outcome, context, configuration);
        Optional<Breach> timeout = timeout(run);
        if (timeout.isPresent()) {
            throw new PerfTimeoutError(timeout.get().message());
        }
        if (plan.mode == Mode.ENFORCE && outcome.verdict() != Verdict.PASSED) {
            Throwable cause = run.result().errors() > 0 ? run.result().firstError().orElse(null) : null;
            String message = FailureMessages.verdictMessage(plan.testName, run.judgement(), run.result(),
                    FailureMessages.runNote(runs.stream().map(r -> r.result().noise()).toList(), plan.noiseThreshold))
                    + FailureMessages.runsTable(runs.stream().map(TestOutcome.Run::result).toList(),
                            runs.stream().map(r -> r.judgement().breaches()).toList(), plan.noiseThreshold)
                    + recording.map(p -> "\n  Flight recording of a re-run: " + p.toAbsolutePath()).orElse("");
            throw new SloBreachError(message, outcome.verdict(), run.judgement().breaches(), cause);
        }
    }

    /**
     * Measure, and re-measure a breach: up to {@code junitperf.confirm.runs} confirmations, plus up to
     * {@code junitperf.noise.retries} extra runs for a breach measured under more noise than
     * {@code junitperf.noise.threshold}. The last run decides.
     */
    private static List<TestOutcome.Run> measureAndConfirm(PerfTestPlan plan, ReflectiveInvocationContext<Method> invocationContext,
                                                           ExtensionContext context) throws Throwable {
        List<TestOutcome.Run> runs = new ArrayList<>();
        TestOutcome.Run run = measure(plan, invocationContext, context);
        runs.add(run);
        int confirmations = 0;
        int noisyRetries = 0;
        while (plan.mode == Mode.ENFORCE && run.judgement().verdict() == Verdict.FAILED && timeout(run).isEmpty()) {
            if (run.result().noise().level() > plan.noiseThreshold && noisyRetries < plan.noiseRetries) {
                noisyRetries++;
            } else if (confirmations < plan.confirmRuns) {
                confirmations++;
            } else {
                break;
            }
            run = measure(plan, invocationContext, context);
            runs.add(run);
        }
        return runs;
    }

    private static Optional<Annotation> perfAnnotation(Method method) {
        Optional<PerfTest> test = AnnotationSupport.findAnnotation(method, PerfTest.class);
        Optional<PerfSweep> sweep = AnnotationSupport.findAnnotation(method, PerfSweep.class);
        if (test.isPresent() && sweep.isPresent()) {
            throw new ExtensionConfigurationException(String.format(
                    "%s() has both @PerfTest and @PerfSweep: use @PerfTest for a plain test and @PerfSweep for a "
                            + "@ParameterizedTest or other test template, not both", method.getName()));
        }
        return test.<Annotation>map(a -> a).or(() -> sweep);
    }

    private static TestOutcome.Run measure(PerfTestPlan plan, ReflectiveInvocationContext<Method> invocationContext,
                                           ExtensionContext context) throws Throwable {
        Method method = invocationContext.getExecutable();
        Object target = invocationContext.getTarget().orElse(null);
        MethodHandle bound = BoundBody.bind(method, target);
        Class<?>[] types = method.getParameterTypes();
        List<Object> arguments = invocationContext.getArguments();
        RunResult run;
        Optional<RunResult> reference = Optional.empty();
        if (plan.reference.isEmpty()) {
            run = runOnce(plan.settings, plan.rule, bound, types, arguments, method.getName());
        } else {
            ReferenceMethod ref = plan.reference.get();
            MethodHandle refBound = BoundBody.bind(ref.method(), target);
            Class<?>[] refTypes = ref.method().getParameterTypes();
            List<Object> refArguments = ref.arguments(method, arguments);
            PerfSettings half = plan.settings.half();
            // ABBA: drift of a shared machine during the rounds affects both bodies alike.
            RunResult t1 = runOnce(half, plan.rule, bound, types, arguments, method.getName());
            RunResult r1 = runOnce(half, plan.rule, refBound, refTypes, refArguments, ref.method().getName());
            RunResult r2 = runOnce(half, plan.rule, refBound, refTypes, refArguments, ref.method().getName());
            RunResult t2 = runOnce(half, plan.rule, bound, types, arguments, method.getName());
            run = RunResult.combine(t1, t2);
            reference = Optional.of(RunResult.combine(r1, r2));
        }
        if (run.abort().isPresent()) {
            throw run.abort().get();
        }
        MemoryResult memory = run.memory();
        if (plan.memory.needsLeakCheck() && !run.timedOut()) {
            memory = memory.withLeakCheck(BoundBody.leakCheck(bound, types, arguments, memory.operations()));
        }
        PerfResult result = new PerfResult(context.getDisplayName(), run, plan.settings.threads(), plan.settings.ratePerSec(),
                memory);
        if (run.timedOut() || reference.map(RunResult::timedOut).orElse(false)) {
            String message = PerfMeasurement.Timeouts.message(plan.perfAnnotation, plan.testName, plan.settings, run);
            Breach timeout = new Breach(TIMEOUT, plan.settings.timeoutNanos() / 1e6, run.measuredNanos() / 1e6, message);
            return new TestOutcome.Run(result, new Judgement(Verdict.FAILED, List.of(timeout), List.of()));
        }
        Judgement judgement = SloEvaluator.judge(plan.slo, plan.memory, result);
        Optional<RelativeComparison> relative = Optional.empty();
        if (reference.isPresent()) {
            ReferenceMethod ref = plan.reference.get();
            RelativeComparison comparison = RelativeComparison.of(ref.method().getName(), ref.byFactor(), result.latency(),
                    new PerfResult(ref.method().getName(), reference.get(), plan.settings.threads(), 0).latency());
            judgement = comparison.gate(judgement);
            relative = Optional.of(comparison);
        }
        Optional<BaselineDiff> diff = Optional.empty();
        if (plan.baseline.isPresent()) {
            RegressionGate.Gated gated = RegressionGate.apply(judgement,
                    plan.baseline.get().latency(context.getUniqueId(), result.clock()),
                    plan.baseline.get().otherClock(context.getUniqueId(), result.clock()),
                    result.latency(), plan.warnPct, plan.failPct);
            judgement = gated.judgement();
            diff = Optional.of(gated.diff());
        }
        return new TestOutcome.Run(result, judgement, diff, relative);
    }

    private static Optional<Breach> timeout(TestOutcome.Run run) {
        return run.judgement().breaches().stream().filter(b -> b.objective().equals(TIMEOUT)).findFirst();
    }

    private static RunResult runOnce(PerfSettings settings, StoppingRule rule, MethodHandle bound, Class<?>[] types,
                                     List<Object> arguments, String name) throws Throwable {
        return MeasurementRunner.run(settings, rule, ctx -> BoundBody.forThread(bound, types, arguments, ctx), "junit-perf-" + name);
    }

    // getOrComputeIfAbsent and CloseableResource are deprecated in JUnit 6 but are the only forms
    // JUnit 5.10 knows, and users of 5.10+ must be served.
    @SuppressWarnings("deprecation")
    private static void report(TestOutcome outcome, ExtensionContext context, Configuration configuration) {
        JsonResultsWriter writer = new JsonResultsWriter(reportDir(configuration));
        writer.writeTest(outcome);
        Optional<Baseline> baseline = PerfTestPlan.baseline(context, configuration);
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ReportSession.class,
                key -> new ReportSession(writer, baseline, configuration.consoleSummary()), ReportSession.class);
        if (configuration.consoleLines()) {
            System.out.println(ConsoleLine.of(outcome));
        }
        context.publishReportEntry(JsonResultsWriter.reportEntries(outcome));
    }

    private static Path reportDir(Configuration configuration) {
        return Path.of(configuration.get(Configuration.REPORT_DIR).orElse("target/junit-perf"));
    }

    private static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Rebuild {@code results.json} once, when the whole test run ends. */
    @SuppressWarnings("deprecation")
    private static final class ReportSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final JsonResultsWriter writer;
        private final Optional<Baseline> baseline;
        private final boolean printSummary;
        private final AtomicBoolean closed = new AtomicBoolean();

        ReportSession(JsonResultsWriter writer, Optional<Baseline> baseline, boolean printSummary) {
            this.writer = writer;
            this.baseline = baseline;
            this.printSummary = printSummary;
        }

        // JUnit 5.10-5.12 call close() as a CloseableResource, 5.13+ as an AutoCloseable: write once either way.
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                Path results = writer.writeAggregate(EnvironmentInfo.current(), baseline);
                if (printSummary) {
                    System.out.print(ConsoleSummary.render(writer.read(results)));
                }
            }
        }
    }

}
