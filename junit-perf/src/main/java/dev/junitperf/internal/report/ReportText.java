package dev.junitperf.internal.report;

import java.util.Locale;

import dev.junitperf.Verdict;
import dev.junitperf.internal.results.ResultsFile;

/** Words and marks every report shows alike. */
final class ReportText {

    private ReportText() {
    }

    /** Return a class's simple name. */
    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Return the noise level as a percentage, or a dash when the machine gave no figure. */
    static String noise(ResultsFile.Noise noise) {
        return noise != null && noise.cpuWaitShare() != null
                ? String.format(Locale.ROOT, "%.1f %%", noise.level() * 100) : "—";
    }

    /** Mark a verdict: a cross for a failure, a warning sign for inconclusive, a tick for a pass. */
    static String icon(Verdict verdict) {
        return switch (verdict) {
            case FAILED -> "❌";
            case INCONCLUSIVE -> "⚠️";
            case PASSED -> "✅";
        };
    }
}
