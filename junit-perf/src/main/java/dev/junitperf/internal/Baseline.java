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
import dev.junitperf.report.JsonResultsWriter;

/**
 * Hold a previous run's results, keyed by test identity (JUnit's unique id), to compare against.
 *
 * <p>A file that is missing, unreadable, not JSON or of another schema is rejected with a message
 * that names the file and the parameter, never silently ignored.
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
        if (!JsonResultsWriter.SCHEMA.equals(schema) || !root.path("tests").isArray()) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose schema is '%s', not '%s': "
                    + "re-create the baseline from a results.json of this junit-perf version", Configuration.BASELINE,
                    file, schema, JsonResultsWriter.SCHEMA));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        root.get("tests").forEach(t -> byId.put(t.path("id").asText(), t));
        return new Baseline(file, byId);
    }

    /** Return the baseline's latency distribution of a test, if the baseline has that test. */
    public Optional<LatencyDistribution> latency(String testId) {
        JsonNode t = tests.get(testId);
        if (t == null || !t.hasNonNull("histogram")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LatencyDistribution(JsonResultsWriter.decode(t.get("histogram").asText()),
                    t.path("timedSamples").asLong(t.path("samples").asLong())));
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose histogram for %s is "
                    + "corrupt (%s): re-create the baseline", Configuration.BASELINE, file, testId, e.getMessage()));
        }
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
