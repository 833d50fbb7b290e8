package dev.junitperf.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.Verdict;
import dev.junitperf.internal.baseline.BaselineDiff;
import dev.junitperf.internal.verdict.Judgement;

/** Add failing regressions against the baseline to a judgement, as breaches. */
@API(status = INTERNAL, since = "0.1")
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

    /**
     * Compare {@code current} with its baseline entry {@code before} and gate the judgement.
     *
     * @param before the baseline's figures on the current clock; empty for a new test or one the baseline measured on another clock
     * @param otherClock the baseline's clock, when it has the test on another clock only: reported as {@code CLOCK_CHANGED}, not gated
     */
    public static Gated apply(Judgement judgement, Optional<LatencyDistribution> before, Optional<String> otherClock,
                              LatencyDistribution current, double warnPct, double failPct) {
        if (before.isEmpty()) {
            return new Gated(judgement, new BaselineDiff(otherClock.isPresent() ? "CLOCK_CHANGED" : "NEW", warnPct, failPct, List.of()));
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
