package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Keep the results of a test run on disk: one file per test under {@code tests/}, and the aggregate
 * {@code results.json} rebuilt from all of them.
 *
 * <p>Every file is written to a temporary file in the same directory and renamed into place, so a
 * reader never sees a half-written file. The aggregate is rebuilt from all per-test files, so parallel
 * forks writing into one directory cannot lose each other's tests: whichever fork finishes last
 * writes an aggregate that holds them all. A per-test file that cannot be read is listed, not dropped.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResultsStore {

    /** The aggregated file's name. */
    public static final String RESULTS_FILE = "results.json";
    private static final String TESTS_DIR = "tests";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path reportDir;

    public ResultsStore(Path reportDir) {
        this.reportDir = reportDir;
    }

    /** Return the report directory. */
    public Path reportDir() {
        return reportDir;
    }

    /** Write one test's file and return its path. */
    public Path writeTest(ResultsFile.Test test) {
        Path file = reportDir.resolve(TESTS_DIR).resolve(fileName(test));
        AtomicFiles.write(file, json(test));
        return file;
    }

    /** Rebuild {@code results.json} from every per-test file, listing the baseline's tests this run did not have. */
    public ResultsFile writeAggregate(EnvironmentInfo environment, Optional<ResultsFile.BaselineInfo> baseline) {
        List<ResultsFile.Test> tests = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : testFiles()) {
            try {
                tests.add(MAPPER.readValue(file.toFile(), ResultsFile.Test.class));
            } catch (IOException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        Set<String> seen = new HashSet<>();
        tests.forEach(t -> seen.add(t.id()));
        ResultsFile.BaselineInfo info = baseline.map(b -> new ResultsFile.BaselineInfo(b.file(),
                b.missingFromRun().stream().filter(m -> !seen.contains(m.id())).toList())).orElse(null);
        ResultsFile results = new ResultsFile(ResultsFile.SCHEMA, Instant.now().toString(), environment, tests, unreadable,
                info);
        AtomicFiles.write(reportDir.resolve(RESULTS_FILE), json(results));
        return results;
    }

    /** Read an aggregate results file, e.g. a baseline. */
    public static ResultsFile read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ResultsFile.class);
    }

    /** Read {@code results.json} of this directory. */
    public ResultsFile read() {
        try {
            return read(reportDir.resolve(RESULTS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read junit-perf results " + reportDir.resolve(RESULTS_FILE), e);
        }
    }

    /** Return the JSON tree of a file, for readers that check the format itself. */
    public static JsonNode tree(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read junit-perf results " + file, e);
        }
    }

    /** Return the JSON of a results record, as written to disk. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write junit-perf results as JSON", e);
        }
    }

    /** Return the JSON tree of a results record. */
    public static JsonNode treeOf(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Read a results record back from a JSON tree. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a junit-perf " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private List<Path> testFiles() {
        Path dir = reportDir.resolve(TESTS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list junit-perf results in " + dir, e);
        }
    }

    private static String fileName(ResultsFile.Test t) {
        String base = (t.className() + "." + t.method()).replaceAll("[^A-Za-z0-9._-]", "_");
        return base + "-" + Integer.toHexString(t.id().hashCode()) + ".json";
    }
}
