package dev.junitperf.internal.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.junitperf.Breach;
import dev.junitperf.LoadProfile;
import dev.junitperf.MemoryBudget;
import dev.junitperf.PerfSweep;
import dev.junitperf.PerfTest;
import dev.junitperf.PerfTimeoutError;
import dev.junitperf.PhaseSlo;
import dev.junitperf.RecoverySlo;
import dev.junitperf.Slo;
import dev.junitperf.SloBreachError;
import dev.junitperf.Verdict;
import dev.junitperf.internal.config.Configuration;
import dev.junitperf.internal.config.Mode;
import dev.junitperf.internal.engine.JudgedRun;
import dev.junitperf.internal.engine.JudgedTest;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.verdict.FailureMessages;

/**
 * Run one {@link PerfTest} or {@link PerfSweep} invocation: plan, measure, confirm, judge, report, fail.
 *
 * <p>JUnit lets an interceptor proceed with an invocation only once, so the engine validates the
 * configuration, tells JUnit to skip its own invocation, and invokes the method itself through a
 * {@code MethodHandle} bound once per measuring thread to the test instance and the resolved arguments
 * (with each thread's own {@code PerfContext}); the measuring loop holds that handle as a JIT constant.
 * {@code @BeforeEach} and {@code @AfterEach} therefore run once around the whole measurement.
 */
final class PerfTestInterceptor {

    private PerfTestInterceptor() {
    }

    static void intercept(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        Method method = call.getExecutable();
        Optional<Annotation> perf = perfAnnotation(method);
        if (perf.isEmpty()) {
            rejectObjectivesWithoutPerfTest(method);
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
        List<JudgedRun> runs = measureAndConfirm(plan, call, context);
        JudgedRun run = runs.get(runs.size() - 1);
        Optional<JudgedTest.Recording> recording = Optional.empty();
        Path reportDir = Reporting.reportDir(configuration);
        if (plan.jfrOnBreach && plan.mode == Mode.ENFORCE && run.judgement().verdict() == Verdict.FAILED
                && RunJudge.timeout(run).isEmpty()) {
            recording = Optional.of(BreachRecording.record(reportDir, plan.testName,
                    () -> RunJudge.measureAndJudge(plan, call, context)));
        }
        JudgedTest test = new JudgedTest(context.getUniqueId(), context.getRequiredTestClass().getName(), method.getName(),
                context.getDisplayName(), displayPath(context), plan.mode.label(), run.judgement().verdict(), plan.slo,
                plan.memory, runs, recording);
        ResultsFile.Test record = Reporting.report(test, context, configuration);
        fail(plan, test, recording.map(r -> BreachRecording.note(r, record, reportDir)).orElse(""));
    }

    /**
     * Measure, and re-measure a breach: up to {@code junitperf.confirm.runs} confirmations, plus up to
     * {@code junitperf.noise.retries} extra runs for a breach measured under more noise than
     * {@code junitperf.noise.threshold}. The last run decides.
     */
    private static List<JudgedRun> measureAndConfirm(PerfTestPlan plan, ReflectiveInvocationContext<Method> call,
                                                     ExtensionContext context) throws Throwable {
        List<JudgedRun> runs = new ArrayList<>();
        JudgedRun run = RunJudge.measureAndJudge(plan, call, context);
        runs.add(run);
        int confirmations = 0;
        int noisyRetries = 0;
        while (plan.mode == Mode.ENFORCE && run.judgement().verdict() == Verdict.FAILED && RunJudge.timeout(run).isEmpty()) {
            if (run.result().noise().level() > plan.noiseThreshold && noisyRetries < plan.noiseRetries) {
                noisyRetries++;
            } else if (confirmations < plan.confirmRuns) {
                confirmations++;
            } else {
                break;
            }
            run = RunJudge.measureAndJudge(plan, call, context);
            runs.add(run);
        }
        return runs;
    }

    private static void fail(PerfTestPlan plan, JudgedTest test, String recordingNote) {
        JudgedRun run = test.decidingRun();
        Optional<Breach> timeout = RunJudge.timeout(run);
        if (timeout.isPresent()) {
            throw new PerfTimeoutError(timeout.get().message());
        }
        if (plan.mode != Mode.ENFORCE || test.verdict() == Verdict.PASSED) {
            return;
        }
        List<JudgedRun> runs = test.runs();
        Throwable cause = run.result().errors() > 0 ? run.result().firstError().orElse(null) : null;
        String message = FailureMessages.verdictMessage(plan.testName, run.judgement(), run.result(),
                FailureMessages.runNote(runs.stream().map(r -> r.result().noise()).toList(), plan.noiseThreshold))
                + FailureMessages.runsTable(runs.stream().map(JudgedRun::result).toList(),
                        runs.stream().map(r -> r.judgement().breaches()).toList(), plan.noiseThreshold)
                + recordingNote;
        throw new SloBreachError(message, test.verdict(), run.judgement().breaches(), cause);
    }

    /** Return the display names from the outermost class down to the test: what JUnit shows in its tree. */
    static List<String> displayPath(ExtensionContext context) {
        ArrayDeque<String> names = new ArrayDeque<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.get().getParent().isPresent(); c = c.get().getParent()) {
            names.addFirst(c.get().getDisplayName());
        }
        return List.copyOf(names);
    }

    private static void rejectObjectivesWithoutPerfTest(Method method) {
        for (Class<? extends Annotation> needsPerf : List.of(Slo.class, MemoryBudget.class, LoadProfile.class, PhaseSlo.class,
                PhaseSlo.List.class, RecoverySlo.class, RecoverySlo.List.class)) {
            if (AnnotationSupport.isAnnotated(method, needsPerf)) {
                throw new ExtensionConfigurationException(String.format(
                        "@%s on %s() requires @PerfTest (or @PerfSweep on a test template): add one to measure "
                                + "the method, or remove @%s", name(needsPerf), method.getName(), name(needsPerf)));
            }
        }
    }

    /** Name a repeated annotation's container by the annotation users write. */
    private static String name(Class<? extends Annotation> annotation) {
        return annotation.getEnclosingClass() != null ? annotation.getEnclosingClass().getSimpleName() : annotation.getSimpleName();
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
}
