package dev.junitperf.internal.engine;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.MemoryResult;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.baseline.BaselineDiff;
import dev.junitperf.internal.baseline.RegressionGate;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.engine.JudgedRun;
import dev.junitperf.internal.measurement.Measurement;
import dev.junitperf.internal.measurement.MeasurementRunner;
import dev.junitperf.internal.measurement.StoppingRule;
import dev.junitperf.internal.statistics.LatencyTimeline;
import dev.junitperf.internal.verdict.Judgement;
import dev.junitperf.internal.verdict.LoadEvaluator;
import dev.junitperf.internal.verdict.LoadJudgement;
import dev.junitperf.internal.verdict.RelativeComparison;
import dev.junitperf.internal.verdict.SloEvaluator;

/**
 * Measure one run of a perf test and judge it, in one step: objectives, then the relative objective, then the
 * regression gate.
 *
 * <p>A body with a {@code fasterThan} reference runs in ABBA rounds (test, reference, reference, test), so
 * drift of a shared machine during the rounds affects both alike. A timed-out run is judged on its timeout
 * alone.
 */
final class RunJudge {

    /** The objective name of a timeout breach. */
    static final String TIMEOUT = "timeout";

    private RunJudge() {
    }

    static JudgedRun measureAndJudge(PerfTestPlan plan, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        Method method = call.getExecutable();
        Object target = call.getTarget().orElse(null);
        MethodHandle bound = BoundBody.bind(method, target);
        Class<?>[] types = method.getParameterTypes();
        List<Object> arguments = call.getArguments();
        Measurement run;
        Optional<Measurement> reference = Optional.empty();
        if (plan.reference.isEmpty()) {
            run = runOnce(plan.settings, plan.rule, bound, types, arguments, method.getName(), plan.testName);
        } else {
            ReferenceMethod ref = plan.reference.get();
            MethodHandle refBound = BoundBody.bind(ref.method(), target);
            Class<?>[] refTypes = ref.method().getParameterTypes();
            List<Object> refArguments = ref.arguments(method, arguments);
            PerfSettings half = plan.settings.half();
            String refName = ref.method().getName();
            Measurement t1 = runOnce(half, plan.rule, bound, types, arguments, method.getName(), plan.testName + " round 1");
            Measurement r1 = runOnce(half, plan.rule, refBound, refTypes, refArguments, refName, refName + "() round 2");
            Measurement r2 = runOnce(half, plan.rule, refBound, refTypes, refArguments, refName, refName + "() round 3");
            Measurement t2 = runOnce(half, plan.rule, bound, types, arguments, method.getName(), plan.testName + " round 4");
            run = Measurement.combine(t1, t2);
            reference = Optional.of(Measurement.combine(r1, r2));
        }
        if (run.abort().isPresent()) {
            throw run.abort().get();
        }
        MemoryResult memory = run.memory();
        if (plan.memory.needsLeakCheck() && !run.timedOut()) {
            memory = Results.withLeakCheck(memory, BoundBody.leakCheck(bound, types, arguments, memory.operations()));
        }
        PerfResult result = Results.of(context.getDisplayName(), run, plan.settings).with(context.getDisplayName(), memory);
        if (run.timedOut() || reference.map(Measurement::timedOut).orElse(false)) {
            String message = Results.timeoutMessage(plan.perfAnnotation, plan.testName, plan.settings, run);
            Breach timeout = new Breach(TIMEOUT, plan.settings.timeoutNanos() / 1e6, run.measuredNanos() / 1e6, message);
            return new JudgedRun(result, new Judgement(Verdict.FAILED, List.of(timeout), List.of()));
        }
        return judge(plan, result, run.timeline(), reference.map(r -> Results.of(plan.reference.get().method().getName(), r,
                plan.settings).latency()), context.getUniqueId());
    }

    /**
     * Judge figures against the objectives, the phase and recovery objectives, the relative objective and the
     * regression gate, in that order.
     */
    private static JudgedRun judge(PerfTestPlan plan, PerfResult result, Optional<LatencyTimeline> timeline,
                                   Optional<LatencyDistribution> reference, String testId) {
        Judgement judgement = SloEvaluator.judge(plan.slo, plan.memory, result);
        Optional<LoadJudgement> load = Optional.empty();
        if (timeline.isPresent()) {
            LoadEvaluator.Judged judged = LoadEvaluator.judge(plan.load, timeline.get(), judgement);
            judgement = judged.judgement();
            load = Optional.of(judged.load());
        }
        Optional<RelativeComparison> relative = Optional.empty();
        if (reference.isPresent()) {
            ReferenceMethod ref = plan.reference.orElseThrow();
            RelativeComparison comparison = RelativeComparison.of(ref.method().getName(), ref.byFactor(), result.latency(),
                    reference.get());
            judgement = comparison.gate(judgement);
            relative = Optional.of(comparison);
        }
        Optional<BaselineDiff> diff = Optional.empty();
        if (plan.baseline.isPresent()) {
            RegressionGate.Gated gated = RegressionGate.apply(judgement, plan.baseline.get().latency(testId, result.clock()),
                    plan.baseline.get().otherClock(testId, result.clock()), result.latency(), plan.warnPct, plan.failPct);
            judgement = gated.judgement();
            diff = Optional.of(gated.diff());
        }
        return new JudgedRun(result, judgement, diff, relative, load);
    }

    /** Return the timeout breach of a run, if it timed out. */
    static Optional<Breach> timeout(JudgedRun run) {
        return run.judgement().breaches().stream().filter(b -> b.objective().equals(TIMEOUT)).findFirst();
    }

    private static Measurement runOnce(PerfSettings settings, StoppingRule rule, MethodHandle bound, Class<?>[] types,
                                       List<Object> arguments, String name, String label) throws Throwable {
        return MeasurementRunner.run(settings, rule, ctx -> BoundBody.forThread(bound, types, arguments, ctx),
                "junit-perf-" + name, label);
    }
}
