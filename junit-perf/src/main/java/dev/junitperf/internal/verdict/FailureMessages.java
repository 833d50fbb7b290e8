package dev.junitperf.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.Breach;
import dev.junitperf.NoiseReading;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;

/** Build every failure message of the extension and the assertions, so they read alike. */
@API(status = INTERNAL, since = "0.1")
public final class FailureMessages {

    private FailureMessages() {
    }

    /** Build the full message of a failed or inconclusive perf test. */
    public static String verdictMessage(String testName, Judgement judgement, PerfResult result, String runNote) {
        StringBuilder sb = new StringBuilder();
        sb.append(judgement.verdict() == Verdict.FAILED ? "SLO breached" : "SLO inconclusive")
                .append(" by ").append(testName).append(runNote).append(':');
        for (Breach b : judgement.breaches()) {
            sb.append("\n  ").append(b.message());
        }
        for (String reason : judgement.inconclusive()) {
            sb.append("\n  ").append(reason);
        }
        sb.append('\n').append(result.summary());
        return sb.toString();
    }

    /** Describe the re-measurements of a breach, e.g. {@code  (confirmed by 1 re-measurement; 2 runs were noisy)}. */
    public static String runNote(List<NoiseReading> runs, double threshold) {
        if (runs.size() < 2) {
            return "";
        }
        long noisy = runs.stream().filter(n -> n.level() > threshold).count();
        int again = runs.size() - 1;
        return " (confirmed by " + again + " re-measurement" + (again > 1 ? "s" : "")
                + (noisy > 0 ? "; " + noisy + " run" + (noisy > 1 ? "s were" : " was") + " noisy" : "") + ")";
    }

    /** List every run with its noise, when a breach was re-measured, so a busy machine can be told from a regression. */
    public static String runsTable(List<PerfResult> results, List<List<Breach>> breaches, double threshold) {
        if (results.size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%n  runs (the last decides; noisy above %.0f %% CPU wait + steal):", threshold * 100));
        for (int i = 0; i < results.size(); i++) {
            PerfResult r = results.get(i);
            String outcome = breaches.get(i).isEmpty() ? "met every objective" : breaches.get(i).get(0).message();
            sb.append(String.format(Locale.ROOT, "%n    #%d %s · noise: %s%s", i + 1, outcome, r.noise().summary(),
                    r.noise().level() > threshold ? " (noisy)" : ""));
        }
        return sb.toString();
    }

    /** Join lines of a list under a heading, for multi-line messages. */
    public static String lines(String heading, List<String> lines) {
        StringBuilder sb = new StringBuilder(heading);
        lines.forEach(l -> sb.append("\n  ").append(l));
        return sb.toString();
    }
}
