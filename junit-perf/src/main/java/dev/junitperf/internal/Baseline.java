package dev.junitperf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.PerfClock;
import dev.junitperf.report.JsonResultsWriter;

/**
 * Hold a previous run's results, keyed by test identity (JUnit's unique id), to compare against.
 *
 * <p>A file that is missing, unreadable, not JSON, of another schema or with a corrupt histogram is
 * rejected when it is loaded, before any warmup, with a message that names the file and the parameter,
 * never silently ignored. A test is compared on the clock it is judged on now: the baseline's judged
 * figures if it used the same clock, its wall figures for the wall clock, else not at all.
 */
public final class Baseline {

    private final Path file;
    private final Map<String, JsonNode> tests;

    private Baseline(Path file, Map<String, JsonNode> tests) {
        this.file = file;
        this.tests = tests;
    }

    /** Load a {@code results.json} written by junit-perf. */
    public static Baseline load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, which cannot be read as "
                    + "junit-perf results: %s. Point it at a results.json written by junit-perf, or remove it",
                    Configuration.BASELINE, file, e.getMessage()));
        }
        String schema = root == null || root.get("schema") == null ? "none" : root.get("schema").asText();
        if (!JsonResultsWriter.READABLE_SCHEMAS.contains(schema) || !root.path("tests").isArray()) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose schema is '%s', not one of %s: "
                    + "re-create the baseline from a results.json of this junit-perf version", Configuration.BASELINE,
                    file, schema, JsonResultsWriter.READABLE_SCHEMAS));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        root.get("tests").forEach(t -> byId.put(t.path("id").asText(), t));
        validateHistograms(file, byId);
        return new Baseline(file, byId);
    }

    /**
     * Return the baseline's latency distribution of a test on {@code clock}, if the baseline has that test
     * measured on that clock (or, for the wall clock, with wall figures recorded beside another clock).
     */
    public Optional<LatencyDistribution> latency(String testId, PerfClock clock) {
        JsonNode t = tests.get(testId);
        if (t == null) {
            return Optional.empty();
        }
        boolean judged = clockOf(t).equals(clock.configValue());
        String field = judged ? "histogram" : clock == PerfClock.WALL && t.hasNonNull("wallHistogram") ? "wallHistogram" : null;
        if (field == null || !t.hasNonNull(field)) {
            return Optional.empty();
        }
        // The recorded mean is exact; the histogram's is built from whole nanoseconds.
        double meanMs = t.path(judged ? "latencyMs" : "wallLatencyMs").path("mean").asDouble(Double.NaN);
        return Optional.of(new LatencyDistribution(JsonResultsWriter.decode(t.get(field).asText()),
                t.path("timedSamples").asLong(t.path("samples").asLong()), meanMs * 1e6));
    }

    /** Return the clock the baseline measured a test on, when the baseline has the test but not on {@code clock}. */
    public Optional<String> otherClock(String testId, PerfClock clock) {
        JsonNode t = tests.get(testId);
        if (t == null || latency(testId, clock).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(clockOf(t));
    }

    /** Files of schema {@code junit-perf/1} predate clocks: everything in them is wall-clock time. */
    private static String clockOf(JsonNode test) {
        return test.path("clock").asText(PerfClock.WALL.configValue());
    }

    private static void validateHistograms(Path file, Map<String, JsonNode> tests) {
        tests.forEach((id, t) -> {
            for (String field : new String[] {"histogram", "wallHistogram"}) {
                if (t.hasNonNull(field)) {
                    try {
                        JsonResultsWriter.decode(t.get(field).asText());
                    } catch (IllegalArgumentException e) {
                        throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose %s for %s is "
                                + "corrupt (%s): re-create the baseline", Configuration.BASELINE, file, field, id, e.getMessage()));
                    }
                }
            }
        });
    }

    /** Return the ids of baseline tests, to report those the current run no longer has. */
    public Set<String> testIds() {
        return tests.keySet();
    }

    /** Return the display name recorded for a baseline test. */
    public String describe(String testId) {
        JsonNode t = tests.get(testId);
        return t == null ? testId : t.path("class").asText() + " · " + t.path("displayName").asText();
    }

    public Path file() {
        return file;
    }
}
