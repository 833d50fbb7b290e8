package dev.junitperf.internal.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.Perf;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.engine.JudgedRun;
import dev.junitperf.internal.engine.JudgedTest;
import dev.junitperf.internal.engine.TestRecords;
import dev.junitperf.internal.verdict.Judgement;

class ResultsStoreTests {

    private static final RunIdentity RUN = new RunIdentity("run-2", null, "a test");

    @TempDir
    Path dir;

    @Test
    void testFileHasEveryDocumentedField() {
        JsonNode t = ResultsStore.tree(new ResultsStore(dir).writeTest(outcome("a")));

        assertThat(t.fieldNames()).toIterable().contains("id", "class", "method", "displayName", "mode", "verdict",
                "samples", "errors", "errorRate", "threads", "batchSize", "durationMs", "throughputPerSec", "latencyMs",
                "latencyCi95Ms", "slo", "breaches", "inconclusive", "runs", "histogram", "memory");
        assertThat(t.get("latencyMs").fieldNames()).toIterable()
                .containsExactly("min", "mean", "p50", "p90", "p99", "p999", "max");
        assertThat(t.get("slo").get("p99Ms").asDouble()).isEqualTo(5.0);
        assertThat(t.get("slo").get("scale").asDouble()).isEqualTo(1.0);
        assertThat(t.get("samples").asLong()).isEqualTo(500);
    }

    @Test
    void histogramRoundTripsThroughBase64() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i * 1_000L);
        }

        Histogram decoded = HistogramCodec.decode(HistogramCodec.encode(h));

        assertThat(decoded).isEqualTo(h);
        assertThat(decoded.getValueAtPercentile(99)).isEqualTo(h.getValueAtPercentile(99));
    }

    @Test
    void aggregateHoldsEveryTestFileAndTheEnvironmentAndLeavesNoTemporaryFile() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.writeTest(outcome("a"));
        store.writeTest(outcome("b"));
        store.writeTest(outcome("a"));
        store.writeAggregate(EnvironmentInfo.current(), RUN, Optional.empty());

        JsonNode results = ResultsStore.tree(dir.resolve(ResultsStore.RESULTS_FILE));

        assertThat(results.get("schema").asText()).isEqualTo("junit-perf/2");
        assertThat(results.get("tests")).hasSize(2);
        assertThat(results.get("environment").get("cpus").asInt()).isPositive();
        assertThat(results.get("environment").get("jdk").asText()).isEqualTo(System.getProperty("java.version"));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void unreadableTestFileIsReportedNotDropped() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.writeTest(outcome("a"));
        Files.writeString(dir.resolve("tests").resolve("broken.json"), "{ not json");

        ResultsFile results = store.writeAggregate(EnvironmentInfo.current(), RUN, Optional.empty());

        assertThat(results.tests()).hasSize(1);
        assertThat(results.unreadableTestFiles()).singleElement().asString().startsWith("broken.json");
        assertThat(store.read().unreadableTestFiles()).isEqualTo(results.unreadableTestFiles());
    }

    @Test
    void resultsOfEarlierRunsAreListedWithTheirTimeAndNotCountedAsThisRuns() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.writeTest(outcome("kept", "run-1"));
        store.writeTest(outcome("deleted", "run-1"));
        ObjectNode unversioned = (ObjectNode) ResultsStore.treeOf(outcome("old", "run-0"));
        unversioned.remove(List.of("runId", "finishedAt"));
        Files.writeString(dir.resolve("tests").resolve("old.json"), unversioned.toString());
        store.writeTest(outcome("kept", RUN.id()));
        store.writeTest(outcome("added", RUN.id()));

        ResultsFile results = store.writeAggregate(EnvironmentInfo.current(), RUN, Optional.empty());

        assertThat(results.run()).isEqualTo(RUN);
        assertThat(results.tests()).extracting(ResultsFile.Test::method).containsExactlyInAnyOrder("kept", "added");
        assertThat(results.earlierResults()).extracting(ResultsFile.EarlierResult::test, ResultsFile.EarlierResult::runId)
                .containsExactlyInAnyOrder(tuple("X › deleted()", "run-1"), tuple("X › old()", null));
        assertThat(results.earlierResults()).allSatisfy(e -> assertThat(Instant.parse(e.finishedAt()))
                .isBeforeOrEqualTo(Instant.now()).isAfter(Instant.now().minusSeconds(600)));
        assertThat(ResultsStore.tree(dir.resolve(ResultsStore.RESULTS_FILE)).get("run").get("id").asText()).isEqualTo("run-2");
    }

    @Test
    void aSurefireForkNamesItsRunByTheBuildsJvmAndAnyOtherJvmByItself() {
        RunIdentity fork = RunIdentity.detect(true);
        RunIdentity alone = RunIdentity.detect(false);

        assertThat(alone.id()).startsWith("jvm-" + ProcessHandle.current().pid() + "-");
        if (System.getProperty(RunIdentity.SUREFIRE_FORK_PROPERTY) != null) {
            long buildPid = Long.parseLong(fork.id().split("-")[1]);
            assertThat(fork.id()).startsWith("build-");
            assertThat(ProcessHandle.current().parent().flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .or(() -> ProcessHandle.current().parent().map(ProcessHandle::pid))).hasValueSatisfying(
                            p -> assertThat(ancestors()).contains(buildPid));
            assertThat(ProcessHandle.of(buildPid).flatMap(p -> p.info().command())).hasValueSatisfying(
                    c -> assertThat(Path.of(c).getFileName().toString()).startsWith("java"));
        }
        assertThat(RunIdentity.current(Optional.of("ci-42")).id()).isEqualTo("ci-42");
    }

    private static List<Long> ancestors() {
        List<Long> pids = new ArrayList<>();
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            pids.add(p.get().pid());
        }
        return pids;
    }

    @Test
    void corruptHistogramGivesAClearError() {
        assertThatThrownBy(() -> HistogramCodec.decode("AAAA"))
                .hasMessageContaining("compressed HdrHistogram");
    }

    @Test
    void aTestReadBackWritesTheSameJson() {
        ResultsFile.Test written = outcome("a");

        ResultsFile.Test read = ResultsStore.fromTree(ResultsStore.treeOf(written), ResultsFile.Test.class);

        assertThat(ResultsStore.json(read)).isEqualTo(ResultsStore.json(written));
        assertThat(read.run().latencyMs()).isEqualTo(written.run().latencyMs());
        assertThat(read.latencyHistogram().getTotalCount()).isEqualTo(500);
    }

    @Test
    void aVersionOneTestReadsAsAWallClockTest() {
        ObjectNode tree = (ObjectNode) ResultsStore.treeOf(outcome("a"));
        for (String added : List.of("clock", "wallLatencyMs", "wallHistogram", "stopReason", "stopDetail", "noise", "timer",
                "notes")) {
            tree.remove(added);
        }

        ResultsFile.Test read = ResultsStore.fromTree(tree, ResultsFile.Test.class);

        assertThat(read.run().clock()).isEqualTo("wall");
        assertThat(read.run().notes()).isEmpty();
        assertThat(read.run().latencyMs().p99()).isPositive();
    }

    private static ResultsFile.Test outcome(String method) {
        return outcome(method, RUN.id());
    }

    private static ResultsFile.Test outcome(String method, String runId) {
        PerfResult result = Perf.measure(ctx -> { }).warmupMs(0).iterations(500).run();
        SloSpec slo = new SloSpec(Double.NaN, Double.NaN, 5.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 1.0);
        return TestRecords.of(new JudgedTest("[engine:junit-jupiter]/[class:X]/[method:" + method + "()]", "com.example.X", method,
                method + "()", List.of("X", method + "()"), "enforce", Verdict.PASSED, slo, new MemorySpec(-1, -1, -1),
                List.of(new JudgedRun(result, new Judgement(Verdict.PASSED, List.of(), List.of()))), Optional.empty()), runId,
                Path.of("target"));
    }
}
