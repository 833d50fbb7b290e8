package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.junitperf.internal.Formats;

/**
 * Render {@code benchmark-action.json} in github-action-benchmark's {@code customSmallerIsBetter} format.
 *
 * <p>Each test gives its p50 and p99 in milliseconds, the range being half the width of the
 * percentile's 95 % confidence interval, and its allocated bytes per operation when measured. Names are
 * {@code <class>.<display name> <figure>}, so the history of a figure survives reordering of tests.
 * Figures that are not finite (no samples) are left out, as the action rejects them.
 */
@API(status = INTERNAL, since = "0.1")
public final class BenchmarkActionWriter {

    /** The file's name in the report directory. */
    public static final String BENCHMARK_FILE = "benchmark-action.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkActionWriter() {
    }

    /** Render the benchmark entries of an aggregated results document as a JSON array. */
    public static String render(JsonNode results) {
        ArrayNode entries = MAPPER.createArrayNode();
        for (JsonNode t : results.path("tests")) {
            String name = t.path("class").asText() + "." + t.path("displayName").asText();
            String extra = "samples: " + t.path("samples").asLong() + "\nverdict: " + t.path("verdict").asText();
            for (String percentile : new String[] {"p50", "p99"}) {
                double value = t.path("latencyMs").path(percentile).asDouble(Double.NaN);
                JsonNode ci = t.path("latencyCi95Ms").path(percentile);
                String range = ci.path("supported").asBoolean()
                        ? "± " + Formats.ms((ci.path("upper").asDouble() - ci.path("lower").asDouble()) / 2)
                        : "± n/a";
                add(entries, name + " " + percentile, "ms", value, range, extra);
            }
            JsonNode allocated = t.path("memory").path("allocatedBytesPerOp");
            if (allocated.isNumber()) {
                add(entries, name + " allocated", "B/op", allocated.asDouble(), "± 0", extra);
            }
        }
        try {
            return MAPPER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render " + BENCHMARK_FILE + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void add(ArrayNode entries, String name, String unit, double value, String range, String extra) {
        if (Double.isFinite(value)) {
            entries.addObject().put("name", name).put("unit", unit).put("value", value).put("range", range)
                    .put("extra", extra);
        }
    }
}
