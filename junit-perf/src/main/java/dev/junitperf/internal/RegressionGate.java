package dev.junitperf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.Verdict;

/** Add failing regressions against the baseline to a judgement, as breaches. */
public final class RegressionGate {

    private RegressionGate() {
    }

    /**
     * Hold a judgement with the regressions added, and the comparison behind it.
     *
     * @param judgement the judgement, FAILED if a regression failed
     * @param diff the comparison, for reports
     */
    public record Gated(Judgement judgement, BaselineDiff diff) {
    }

    /** Compare {@code current} with its baseline entry {@code before} (empty: a new test) and gate the judgement. */
    public static Gated apply(Judgement judgement, Optional<LatencyDistribution> before, LatencyDistribution current,
                              double warnPct, double failPct) {
        if (before.isEmpty()) {
            return new Gated(judgement, new BaselineDiff("NEW", warnPct, failPct, List.of()));
        }
        List<RegressionCheck.Change> changes = RegressionCheck.compare(before.get(), current, warnPct, failPct);
        List<Breach> breaches = new ArrayList<>(judgement.breaches());
        String status = "OK";
        for (RegressionCheck.Change c : changes) {
            if (c.status() == RegressionCheck.Status.FAIL) {
                breaches.add(new Breach("regression." + c.figure(), failPct, c.changePct(), c.message(failPct)));
                status = "FAIL";
            } else if (c.status() == RegressionCheck.Status.WARN && status.equals("OK")) {
                status = "WARN";
            }
        }
        Verdict verdict = breaches.isEmpty() ? judgement.verdict() : Verdict.FAILED;
        return new Gated(new Judgement(verdict, breaches, judgement.inconclusive()),
                new BaselineDiff(status, warnPct, failPct, changes));
    }
}
