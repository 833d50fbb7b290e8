package dev.junitperf.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.Breach;
import dev.junitperf.LatencyDistribution;
import dev.junitperf.MemoryResult;
import dev.junitperf.NoiseReading;
import dev.junitperf.PercentileEstimate;
import dev.junitperf.PerfResult;
import dev.junitperf.TimerCorrection;
import dev.junitperf.internal.Baseline;
import dev.junitperf.internal.BaselineDiff;
import dev.junitperf.internal.RegressionCheck;

/**
 * Write results as JSON: one file per test under {@code tests/}, and the aggregated {@code results.json}.
 *
 * <p>Every file is written to a temporary file in the same directory and renamed into place, so a
 * reader never sees a half-written file. The aggregate is rebuilt from all per-test files, so parallel
 * forks writing into one directory cannot lose each other's tests: whichever fork finishes last
 * writes an aggregate that holds them all.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonResultsWriter {

    /** The schema identifier written into every results file. */
    public static final String SCHEMA = "junit-perf/2";
    /** The schemas a baseline may have: {@code junit-perf/1} files predate clocks and are read as wall-clock results. */
    public static final List<String> READABLE_SCHEMAS = List.of("junit-perf/1", SCHEMA);
    /** The aggregated file's name. */
    public static final String RESULTS_FILE = "results.json";
    private static final String TESTS_DIR = "tests";
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path reportDir;

    public JsonResultsWriter(Path reportDir) {
        this.reportDir = reportDir;
    }

    /** Write one test's file and return its path. */
    public Path writeTest(TestOutcome outcome) {
        Path file = reportDir.resolve(TESTS_DIR).resolve(fileName(outcome));
        writeAtomically(file, toJson(outcome));
        return file;
    }

    /** Rebuild {@code results.json} from every per-test file and return its path. */
    public Path writeAggregate(EnvironmentInfo environment) {
        return writeAggregate(environment, Optional.empty());
    }

    /** Rebuild {@code results.json}, listing the baseline's tests this run did not have (renamed or deleted). */
    public Path writeAggregate(EnvironmentInfo environment, Optional<Baseline> baseline) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("generatedAt", Instant.now().toString());
        root.set("environment", mapper.valueToTree(environment));
        ArrayNode tests = root.putArray("tests");
        ArrayNode unreadable = mapper.createArrayNode();
        for (Path file : testFiles()) {
            try {
                tests.add(mapper.readTree(file.toFile()));
            } catch (IOException e) {
                unreadable.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            root.set("unreadableTestFiles", unreadable);
        }
        baseline.ifPresent(b -> {
            ObjectNode info = root.putObject("baseline");
            info.put("file", b.file().toString());
            Set<String> seen = new HashSet<>();
            tests.forEach(t -> seen.add(t.path("id").asText()));
            ArrayNode missing = info.putArray("missingFromRun");
            b.testIds().stream().filter(id -> !seen.contains(id)).sorted()
                    .forEach(id -> missing.addObject().put("id", id).put("test", b.describe(id)));
        });
        Path file = reportDir.resolve(RESULTS_FILE);
        writeAtomically(file, root);
        ReportWriters.writeAll(reportDir, root);
        return file;
    }

    private List<Path> testFiles() {
        Path dir = reportDir.resolve(TESTS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(list::add);
            list.sort(Comparator.comparing(Path::toString));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list junit-perf results in " + dir, e);
        }
    }

    /** Build the JSON of one test. */
    public ObjectNode toJson(TestOutcome outcome) {
        ObjectNode t = mapper.createObjectNode();
        t.put("id", outcome.uniqueId());
        t.put("class", outcome.className());
        t.put("method", outcome.methodName());
        t.put("displayName", outcome.displayName());
        t.put("mode", outcome.mode());
        t.put("verdict", outcome.verdict().name());
        TestOutcome.Run deciding = outcome.decidingRun();
        writeRun(t, deciding);
        ObjectNode slo = t.putObject("slo");
        outcome.slo().asMap().forEach(slo::put);
        outcome.memoryBudget().asMap().forEach(slo::put);
        slo.put("scale", outcome.slo().scale());
        ArrayNode runs = t.putArray("runs");
        for (TestOutcome.Run run : outcome.runs()) {
            ObjectNode r = runs.addObject();
            r.put("verdict", run.judgement().verdict().name());
            writeRun(r, run);
        }
        deciding.baseline().ifPresent(diff -> t.set("baseline", baseline(diff)));
        deciding.relative().ifPresent(rel -> {
            ObjectNode n = t.putObject("relative");
            n.put("reference", rel.reference());
            n.put("byFactor", rel.byFactor());
            n.put("ratio", rel.ratio());
            n.putArray("ratioCi95").add(rel.lower()).add(rel.upper());
            n.put("p50Ms", rel.p50Ms());
            n.put("referenceP50Ms", rel.referenceP50Ms());
        });
        t.put("histogram", encode(deciding.result().histogram()));
        deciding.result().wallLatency().ifPresent(w -> t.put("wallHistogram", encode(w.histogram())));
        return t;
    }

    private void writeRun(ObjectNode node, TestOutcome.Run run) {
        PerfResult r = run.result();
        node.put("clock", r.clock().configValue());
        node.put("samples", r.invocations());
        node.put("timedSamples", r.latency().samples());
        node.put("errors", r.errors());
        node.put("errorRate", r.errorRate());
        node.put("threads", r.threads());
        node.put("batchSize", r.batchSize());
        node.put("ratePerSec", r.ratePerSec());
        node.put("warmupInvocations", r.warmupInvocations());
        node.put("durationMs", r.duration().toNanos() / 1e6);
        node.put("throughputPerSec", r.throughputPerSec());
        node.set("latencyMs", latency(r.latency()));
        ObjectNode ci = node.putObject("latencyCi95Ms");
        for (double p : PERCENTILES) {
            PercentileEstimate e = r.latency().estimate(p);
            ObjectNode bounds = ci.putObject(key(p));
            bounds.put("lower", e.lowerMs());
            bounds.put("upper", e.upperMs());
            bounds.put("supported", e.supported());
        }
        r.wallLatency().ifPresent(w -> node.set("wallLatencyMs", latency(w)));
        r.uncorrectedLatency().ifPresent(u -> node.set("uncorrectedLatencyMs", latency(u)));
        node.put("stopReason", r.stopReason().name());
        node.put("stopDetail", r.stopDetail());
        node.set("noise", noise(r.noise()));
        node.set("timer", timer(r.timerCorrection()));
        ArrayNode notes = node.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode breaches = node.putArray("breaches");
        for (Breach b : run.judgement().breaches()) {
            ObjectNode bn = breaches.addObject();
            bn.put("objective", b.objective());
            bn.put("budget", b.budget());
            bn.put("actual", b.actual());
            bn.put("message", b.message());
        }
        ArrayNode inconclusive = node.putArray("inconclusive");
        run.judgement().inconclusive().forEach(inconclusive::add);
        r.firstError().ifPresent(e -> node.put("firstError", String.valueOf(e)));
        node.set("memory", memory(r.memory()));
    }

    private ObjectNode noise(NoiseReading noise) {
        ObjectNode n = mapper.createObjectNode();
        putOrNull(n, "cpuWaitShare", noise.cpuWaitShare());
        noise.involuntaryContextSwitches().ifPresentOrElse(v -> n.put("involuntaryContextSwitches", v),
                () -> n.putNull("involuntaryContextSwitches"));
        putOrNull(n, "stealShare", noise.stealShare());
        n.put("level", noise.level());
        ArrayNode notes = n.putArray("notes");
        noise.notes().forEach(notes::add);
        return n;
    }

    private ObjectNode timer(TimerCorrection timer) {
        ObjectNode n = mapper.createObjectNode();
        n.put("judgedCostNanos", timer.judgedCostNanos());
        n.put("wallCostNanos", timer.wallCostNanos());
        n.put("resolutionNanos", timer.resolutionNanos());
        n.put("perTimingNanos", timer.perTimingNanos());
        n.put("loopNanosPerInvocation", timer.loopNanosPerInvocation());
        return n;
    }

    private ObjectNode baseline(BaselineDiff diff) {
        ObjectNode n = mapper.createObjectNode();
        n.put("status", diff.status());
        n.put("warnPct", diff.warnPct());
        n.put("failPct", diff.failPct());
        for (RegressionCheck.Change c : diff.changes()) {
            n.put(c.figure() + "BaselineMs", c.baselineMs());
            n.put(c.figure() + "ChangePct", c.changePct());
            ArrayNode ci = n.putArray(c.figure() + "ChangeCi95Pct");
            ci.add(c.lowerPct());
            ci.add(c.upperPct());
            n.put(c.figure() + "Status", c.status().name());
        }
        return n;
    }

    private ObjectNode memory(MemoryResult m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("phase", "measured (warmup excluded: C2 escape analysis changes allocation once compiled)");
        n.put("operations", m.operations());
        putOrNull(n, "allocatedBytesPerOp", m.allocatedBytesPerOp());
        putOrNull(n, "allocatedBytesPerOpMeasuringThreads", m.allocatedBytesPerOpMeasuringThreads());
        m.allocatedBytesOtherThreads().ifPresentOrElse(b -> n.put("allocatedBytesOtherThreads", b),
                () -> n.putNull("allocatedBytesOtherThreads"));
        n.put("otherThreadsIncludeEnded", m.otherThreadsIncludeEnded());
        m.retainedBytes().ifPresentOrElse(b -> n.put("retainedBytes", b), () -> n.putNull("retainedBytes"));
        putOrNull(n, "retainedBytesPerOp", m.retainedBytesPerOp());
        n.put("gcCount", m.gcCount());
        n.put("gcTimeMs", m.gcTimeMs());
        ArrayNode notes = n.putArray("notes");
        m.notes().forEach(notes::add);
        return n;
    }

    private static void putOrNull(ObjectNode n, String key, OptionalDouble value) {
        if (value.isPresent()) {
            n.put(key, value.getAsDouble());
        } else {
            n.putNull(key);
        }
    }

    private ObjectNode latency(LatencyDistribution l) {
        ObjectNode n = mapper.createObjectNode();
        n.put("min", l.minMs());
        n.put("mean", l.meanMs());
        for (double p : PERCENTILES) {
            n.put(key(p), l.percentileMs(p));
        }
        n.put("max", l.maxMs());
        return n;
    }

    private static String key(double percentile) {
        return percentile == 99.9 ? "p999" : "p" + (long) percentile;
    }

    /** Encode a histogram as base64 of HdrHistogram's compressed form. */
    public static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** Decode a histogram written by {@link #encode(Histogram)}. */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not a base64 compressed HdrHistogram: " + e, e);
        }
    }

    /** Read a results file, e.g. to check it in a test. */
    public JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read junit-perf results " + file, e);
        }
    }

    private void writeAtomically(Path file, JsonNode json) {
        try {
            writeAtomically(file, mapper.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write junit-perf results to " + file, e);
        }
    }

    /** Write {@code content} to a temporary file next to {@code file} and rename it into place. */
    static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
            readableByAll(tmp);
            try {
                Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write junit-perf results to " + file, e);
        }
    }

    /** Give reports the usual rw-r--r-- (temporary files start out private to their owner). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String fileName(TestOutcome o) {
        String base = (o.className() + "." + o.methodName()).replaceAll("[^A-Za-z0-9._-]", "_");
        return base + "-" + Integer.toHexString(o.uniqueId().hashCode()) + ".json";
    }

    /** Return the figures published as JUnit report entries. */
    public static Map<String, String> reportEntries(TestOutcome outcome) {
        PerfResult r = outcome.decidingRun().result();
        return Map.of(
                "junitperf.verdict", outcome.verdict().name(),
                "junitperf.samples", Long.toString(r.invocations()),
                "junitperf.errors", Long.toString(r.errors()),
                "junitperf.p50Ms", Double.toString(r.p50Ms()),
                "junitperf.p99Ms", Double.toString(r.p99Ms()),
                "junitperf.maxMs", Double.toString(r.maxMs()),
                "junitperf.throughputPerSec", Double.toString(r.throughputPerSec()),
                "junitperf.clock", r.clock().configValue(),
                "junitperf.noise", Double.toString(r.noise().level()));
    }
}
