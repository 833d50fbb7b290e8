package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/** Render the compact one-line console summary of a perf test. */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleLine {

    private ConsoleLine() {
    }

    /**
     * Render e.g. {@code [junit-perf] PASSED  CacheTests › get()  n=1,000  p50=1.20 µs  p99=3.10 µs  max=512 µs  812.3/s  noise 0.4 %},
     * with the clock and the wall figures when the judged clock is not the wall clock.
     */
    public static String of(ResultsFile.Test test) {
        ResultsFile.Run r = test.run();
        String confirm = test.runs().size() > 1 ? "  (" + test.runs().size() + " runs)" : "";
        String clock = r.wallLatencyMs() == null ? "" : String.format(Locale.ROOT, "  clock=%s (wall p50=%s p99=%s)",
                r.clock(), Formats.millis(r.wallLatencyMs().p50()), Formats.millis(r.wallLatencyMs().p99()));
        String noise = r.noise() != null && r.noise().cpuWaitShare() != null
                ? String.format(Locale.ROOT, "  noise %.1f %%", r.noise().level() * 100) : "";
        String flag = r.notes().stream().anyMatch(n -> n.startsWith("below the timer's resolution")) ? "  [below timer resolution]" : "";
        return String.format(Locale.ROOT, "[junit-perf] %-12s %s  n=%s  errors=%s  p50=%s  p99=%s  max=%s  %s%s%s%s%s",
                test.verdict(), test.testName(), Formats.count(r.samples()), Formats.count(r.errors()), Formats.millis(r.latencyMs().p50()),
                Formats.millis(r.latencyMs().p99()), Formats.millis(r.latencyMs().max()), Formats.rate(r.throughputPerSec()), clock,
                noise, flag, confirm);
    }
}
