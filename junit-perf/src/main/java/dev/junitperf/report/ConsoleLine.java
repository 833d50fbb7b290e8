package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;

import org.apiguardian.api.API;

import dev.junitperf.PerfResult;
import dev.junitperf.internal.Formats;

/** Render the compact one-line console summary of a perf test. */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleLine {

    private ConsoleLine() {
    }

    /**
     * Render e.g. {@code [junit-perf] PASSED  Cache.get()  n=1,000  p50=0.0012 ms  p99=0.0031 ms  max=0.512 ms  812.3/s  noise 0.4 %},
     * with the clock and the wall figures when the judged clock is not the wall clock.
     */
    public static String of(TestOutcome outcome) {
        PerfResult r = outcome.decidingRun().result();
        String confirm = outcome.runs().size() > 1 ? "  (" + outcome.runs().size() + " runs)" : "";
        String clock = r.wallLatency().map(w -> String.format(Locale.ROOT, "  clock=%s (wall p50=%s ms p99=%s ms)",
                r.clock().configValue(), Formats.ms(w.percentileMs(50)), Formats.ms(w.percentileMs(99)))).orElse("");
        String noise = r.noise().measured() ? String.format(Locale.ROOT, "  noise %.1f %%", r.noise().level() * 100) : "";
        String flag = r.notes().stream().anyMatch(n -> n.startsWith("below the timer's resolution")) ? "  [below timer resolution]" : "";
        return String.format(Locale.ROOT, "[junit-perf] %-12s %s  n=%s  errors=%s  p50=%s ms  p99=%s ms  max=%s ms  %s%s%s%s%s",
                outcome.verdict(), outcome.displayName().startsWith(outcome.methodName() + "(")
                        ? simpleName(outcome.className()) + "." + outcome.displayName()
                        : simpleName(outcome.className()) + "." + outcome.methodName() + " " + outcome.displayName(),
                Formats.count(r.invocations()), Formats.count(r.errors()), Formats.ms(r.p50Ms()), Formats.ms(r.p99Ms()),
                Formats.ms(r.maxMs()), Formats.rate(r.throughputPerSec()), clock, noise, flag, confirm);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
