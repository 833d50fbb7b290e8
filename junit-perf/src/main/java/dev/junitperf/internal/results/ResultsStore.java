package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Keep the results of a test run on disk: one file per test under {@code tests/}, and the aggregate
 * {@code results.json} rebuilt from those of the run.
 *
 * <p>Every file is written to a temporary file in the same directory and renamed into place, so a
 * reader never sees a half-written file. The aggregate is rebuilt from the per-test files of its run
 * ({@link RunIdentity}), so parallel forks writing into one directory cannot lose each other's tests:
 * whichever fork finishes last writes an aggregate that holds them all, as forks rebuild it one at a time
 * ({@link #exclusively}). Files earlier runs left (a test
 * since deleted, or not selected this time) are listed as earlier results, never counted as this run's.
 * A per-test file that cannot be read is listed, not dropped.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResultsStore {

    /** The aggregated file's name. */
    public static final String RESULTS_FILE = "results.json";
    private static final String TESTS_DIR = "tests";
    private static final String LOCK_FILE = ".lock";
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

    /**
     * Rebuild {@code results.json} from the per-test files of {@code run}, listing the others as earlier results and
     * the baseline's tests this run did not have.
     */
    public ResultsFile writeAggregate(EnvironmentInfo environment, RunIdentity run,
                                      Optional<ResultsFile.BaselineInfo> baseline) {
        List<ResultsFile.Test> tests = new ArrayList<>();
        List<ResultsFile.EarlierResult> earlier = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : testFiles()) {
            try {
                ResultsFile.Test test = MAPPER.readValue(file.toFile(), ResultsFile.Test.class);
                if (run.id().equals(test.runId())) {
                    tests.add(test);
                } else {
                    earlier.add(new ResultsFile.EarlierResult(test.id(), test.testName(), test.verdict(), test.runId(),
                            test.finishedAt() != null ? test.finishedAt() : Files.getLastModifiedTime(file).toInstant().toString()));
                }
            } catch (IOException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        earlier.sort(Comparator.comparing(ResultsFile.EarlierResult::finishedAt).reversed()
                .thenComparing(ResultsFile.EarlierResult::test));
        Set<String> seen = new HashSet<>();
        tests.forEach(t -> seen.add(t.id()));
        ResultsFile.BaselineInfo info = baseline.map(b -> new ResultsFile.BaselineInfo(b.file(),
                b.missingFromRun().stream().filter(m -> !seen.contains(m.id())).toList())).orElse(null);
        ResultsFile results = new ResultsFile(ResultsFile.SCHEMA, Instant.now().toString(), run, environment, tests, earlier,
                unreadable, info);
        AtomicFiles.write(reportDir.resolve(RESULTS_FILE), json(results));
        return results;
    }

    /**
     * Run {@code action} while holding the report directory's lock, so that forks rebuild the aggregate and the
     * reports one at a time: without it, a fork that read the directory before another fork's last test file could
     * rename its older aggregate over the newer one. The lock is a file lock on {@code .lock} (between JVMs) taken
     * under a lock of this JVM (file locks are held per JVM, not per thread).
     */
    public <T> T exclusively(Supplier<T> action) {
        synchronized (ResultsStore.class) {
            try {
                Files.createDirectories(reportDir);
                try (FileChannel channel = FileChannel.open(reportDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    return action.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock the junit-perf report directory " + reportDir, e);
            }
        }
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
