package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Render {@code benchmark-action.json} in github-action-benchmark's {@code customSmallerIsBetter} format.
 *
 * <p>Each test gives its p50 and p99 in milliseconds, the range being half the width of the
 * percentile's 95 % confidence interval, and its allocated bytes per operation when measured. Names are
 * {@code <class>.<method>(<parameter types>) <figure>}, with the invocation's display name before the figure for a
 * sweep ({@link TestNames}), so the history of a figure survives reordering of tests and is never shared by two
 * tests, two methods of one sweep, or two invocations.
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
    public static String render(ResultsFile results) {
        ArrayNode entries = MAPPER.createArrayNode();
        Map<String, String> names = TestNames.benchmarkNames(results.tests());
        for (ResultsFile.Test t : results.tests()) {
            String name = names.get(t.id());
            String extra = "samples: " + t.run().samples() + "\nverdict: " + t.verdict();
            ResultsFile.Intervals ci = t.run().latencyCi95Ms();
            add(entries, name + " p50", "ms", t.run().latencyMs().p50(), range(ci == null ? null : ci.p50()), extra);
            add(entries, name + " p99", "ms", t.run().latencyMs().p99(), range(ci == null ? null : ci.p99()), extra);
            Double allocated = t.run().memory() == null ? null : t.run().memory().allocatedBytesPerOp();
            if (allocated != null) {
                add(entries, name + " allocated", "B/op", allocated, "± 0", extra);
            }
        }
        try {
            return MAPPER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render " + BENCHMARK_FILE + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String range(ResultsFile.Bounds ci) {
        return ci != null && ci.supported() ? "± " + Formats.ms((ci.upper() - ci.lower()) / 2) : "± n/a";
    }

    private static void add(ArrayNode entries, String name, String unit, double value, String range, String extra) {
        if (Double.isFinite(value)) {
            entries.addObject().put("name", name).put("unit", unit).put("value", value).put("range", range)
                    .put("extra", extra);
        }
    }
}
