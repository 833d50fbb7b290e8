package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.statistics.OrderStatistics;
import dev.junitperf.internal.text.BreachMessages;

/**
 * Judge a measurement against its objectives.
 *
 * <p>A percentile is judged only when enough samples support it (see {@link OrderStatistics#requiredSamples});
 * otherwise the objective is INCONCLUSIVE, never silently passed. Latency objectives with no successful
 * invocation at all are INCONCLUSIVE too.
 */
@API(status = INTERNAL, since = "0.1")
public final class SloEvaluator {

    private SloEvaluator() {
    }

    /** Judge the result against the latency and error objectives only. */
    public static Judgement judge(SloSpec spec, PerfResult result) {
        return judge(spec, new MemorySpec(-1, -1, -1), result);
    }

    /** Judge the result against the objectives and the memory budgets. */
    public static Judgement judge(SloSpec spec, MemorySpec memory, PerfResult result) {
        List<Breach> breaches = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        boolean hasLatency = result.invocations() > 0;
        for (SloSpec.Percentile p : SloSpec.PERCENTILES) {
            double budget = spec.budgetMs(p);
            if (Double.isNaN(budget)) {
                continue;
            }
            PercentileEstimate e = result.latency().estimate(p.percentile());
            if (!hasLatency || !e.supported()) {
                inconclusive.add(BreachMessages.tooFewSamples(p.label(), e.samples(), e.requiredSamples(), result.batchSize()));
            } else if (e.valueMs() > budget) {
                breaches.add(new Breach(p.label(), budget, e.valueMs(), BreachMessages.percentile(p.label(), e.valueMs(), budget, e.lowerMs(),
                        e.upperMs(), e.samples())));
            }
        }
        judgeScalar("mean", spec.meanMs(), result.meanMs(), hasLatency, result, breaches, inconclusive);
        judgeScalar("max", spec.maxMs(), result.maxMs(), hasLatency, result, breaches, inconclusive);
        if (!Double.isNaN(spec.minThroughputPerSec()) && result.throughputPerSec() < spec.minThroughputPerSec()) {
            breaches.add(new Breach("throughput", spec.minThroughputPerSec(), result.throughputPerSec(),
                    BreachMessages.throughput(result.throughputPerSec(), spec.minThroughputPerSec(),
                            result.invocations(), result.duration().toNanos() / 1e6)));
        }
        if (result.errorRate() > spec.maxErrorRate()) {
            breaches.add(new Breach("errorRate", spec.maxErrorRate(), result.errorRate(),
                    BreachMessages.errorRate(result.errorRate(), result.errors(), result.invocations(),
                            spec.maxErrorRate(), result.firstError().map(String::valueOf))));
        }
        MemoryEvaluator.judge(memory, result.memory(), breaches, inconclusive);
        Verdict verdict = !breaches.isEmpty() ? Verdict.FAILED
                : !inconclusive.isEmpty() ? Verdict.INCONCLUSIVE : Verdict.PASSED;
        return new Judgement(verdict, breaches, inconclusive);
    }

    private static void judgeScalar(String label, double budget, double actual, boolean hasLatency, PerfResult result,
                                    List<Breach> breaches, List<String> inconclusive) {
        if (Double.isNaN(budget)) {
            return;
        }
        if (!hasLatency) {
            inconclusive.add(String.format(Locale.ROOT, "%s cannot be judged: no invocation succeeded", label));
        } else if (actual > budget) {
            breaches.add(new Breach(label, budget, actual, BreachMessages.scalar(label, actual, budget, result.invocations())));
        }
    }
}
