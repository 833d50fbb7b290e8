package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;

import dev.junitperf.internal.Formats;

/**
 * Render the compact end-of-run SLO table printed when {@code junitperf.console.summary=true}.
 *
 * <p>One line per test, grouped by class, with the objective that decided the verdict, so a reader of
 * a CI log sees every figure without opening a report.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /** Render the table of an aggregated results document. */
    public static String render(JsonNode results) {
        List<JsonNode> tests = new ArrayList<>();
        results.get("tests").forEach(tests::add);
        tests.sort(Comparator.comparing((JsonNode t) -> t.get("class").asText()).thenComparing(t -> t.get("displayName").asText()));
        StringBuilder out = new StringBuilder();
        String format = "%-12s %-58s %-19s %10s %11s %11s %14s %12s %7s%n";
        out.append(String.format(Locale.ROOT, "%n" + format, "verdict", "test", "clock", "samples", "p50 (ms)", "p99 (ms)",
                "throughput", "alloc B/op", "noise"));
        long failed = 0;
        for (JsonNode t : tests) {
            JsonNode latency = t.get("latencyMs");
            JsonNode alloc = t.path("memory").path("allocatedBytesPerOp");
            String name = simpleName(t.get("class").asText()) + "." + t.get("method").asText()
                    + (t.get("displayName").asText().startsWith(t.get("method").asText() + "(") ? "" : " [" + t.get("displayName").asText() + "]");
            JsonNode noise = t.path("noise");
            out.append(String.format(Locale.ROOT, format, t.get("verdict").asText(), abbreviate(name, 58),
                    t.path("clock").asText("wall"), Formats.count(t.get("samples").asLong()),
                    Formats.ms(latency.get("p50").asDouble()), Formats.ms(latency.get("p99").asDouble()),
                    Formats.rate(t.get("throughputPerSec").asDouble()),
                    alloc.isNumber() ? String.format(Locale.ROOT, "%,.1f", alloc.asDouble()) : "—",
                    noise.path("cpuWaitShare").isNumber() ? String.format(Locale.ROOT, "%.1f %%", noise.path("level").asDouble() * 100) : "—"));
            for (JsonNode b : t.get("breaches")) {
                out.append("             ↳ ").append(b.get("message").asText()).append(System.lineSeparator());
            }
            failed += t.get("verdict").asText().equals("PASSED") ? 0 : 1;
        }
        out.append(String.format(Locale.ROOT, "%d perf tests, %d not passed. Reports: report.html, summary.md, results.json%n",
                tests.size(), failed));
        return out.toString();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
