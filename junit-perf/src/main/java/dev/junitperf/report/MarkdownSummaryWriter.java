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
 * Render {@code summary.md}: one Markdown table of every perf test, breaches first.
 *
 * <p>It is built from the aggregated JSON, so it covers every fork's tests, and is fit for
 * {@code $GITHUB_STEP_SUMMARY} or a pull-request comment.
 */
@API(status = INTERNAL, since = "0.1")
public final class MarkdownSummaryWriter {

    /** The summary's file name in the report directory. */
    public static final String SUMMARY_FILE = "summary.md";

    private MarkdownSummaryWriter() {
    }

    /** Render the summary of an aggregated results document. */
    public static String render(JsonNode results) {
        List<JsonNode> tests = new ArrayList<>();
        results.get("tests").forEach(tests::add);
        tests.sort(Comparator.comparingInt(MarkdownSummaryWriter::rank)
                .thenComparing(t -> t.get("class").asText() + "." + t.get("displayName").asText()));
        long failed = tests.stream().filter(t -> rank(t) == 0).count();
        long inconclusive = tests.stream().filter(t -> rank(t) == 1).count();
        StringBuilder md = new StringBuilder("## junit-perf\n\n");
        md.append(String.format(Locale.ROOT, "%d perf tests: %d passed, %d failed, %d inconclusive.%n%n",
                tests.size(), tests.size() - failed - inconclusive, failed, inconclusive));
        md.append("| verdict | test | clock | samples | p50 (ms) | p99 (ms) | max (ms) | wall p50 / p99 (ms) | throughput | noise | breaches |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode t : tests) {
            JsonNode latency = t.get("latencyMs");
            List<String> breaches = new ArrayList<>();
            t.get("breaches").forEach(b -> breaches.add(b.get("message").asText()));
            t.get("inconclusive").forEach(i -> breaches.add(i.asText()));
            JsonNode wall = t.path("wallLatencyMs");
            JsonNode noise = t.path("noise");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    icon(t) + " " + t.get("verdict").asText(), cell(simpleName(t.get("class").asText()) + " · " + t.get("displayName").asText()),
                    t.path("clock").asText("wall"), Formats.count(t.get("samples").asLong()), Formats.ms(latency.get("p50").asDouble()),
                    Formats.ms(latency.get("p99").asDouble()), Formats.ms(latency.get("max").asDouble()),
                    wall.isObject() ? Formats.ms(wall.path("p50").asDouble()) + " / " + Formats.ms(wall.path("p99").asDouble()) : "(judged)",
                    Formats.rate(t.get("throughputPerSec").asDouble()),
                    noise.path("cpuWaitShare").isNumber() ? String.format(Locale.ROOT, "%.1f %%", noise.path("level").asDouble() * 100) : "—",
                    cell(String.join("; ", breaches))));
        }
        JsonNode env = results.get("environment");
        md.append(String.format(Locale.ROOT, "%nJDK %s · %d CPUs · %s%n", env.get("jdk").asText(), env.get("cpus").asInt(),
                env.get("os").asText()));
        return md.toString();
    }

    private static int rank(JsonNode test) {
        return switch (test.get("verdict").asText()) {
            case "FAILED" -> 0;
            case "INCONCLUSIVE" -> 1;
            default -> 2;
        };
    }

    private static String icon(JsonNode test) {
        return rank(test) == 0 ? "❌" : rank(test) == 1 ? "⚠️" : "✅";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
