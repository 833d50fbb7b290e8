package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;

class BenchmarkActionWriterTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyEntryHasExactlyTheKeysOfCustomSmallerIsBetter() throws IOException {
        ReportFixtures.aggregate(dir, ReportFixtures.passing("fast"), ReportFixtures.failed("slow"));

        JsonNode entries = mapper.readTree(dir.resolve(BenchmarkActionWriter.BENCHMARK_FILE).toFile());

        assertThat(entries.isArray()).isTrue();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(4).allSatisfy(e -> {
            List<String> keys = new ArrayList<>();
            e.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("name", "unit", "value", "range", "extra");
            assertThat(e.get("value").isNumber()).as("value of %s is a number", e.get("name")).isTrue();
            assertThat(e.get("name").isTextual() && e.get("unit").isTextual() && e.get("range").isTextual()
                    && e.get("extra").isTextual()).isTrue();
        });
    }

    @Test
    void eachTestGivesItsPercentilesWithTheirIntervalAndItsAllocation() throws IOException {
        ResultsFile results = ReportFixtures.aggregate(dir, ReportFixtures.failed("slow"));
        ResultsFile.Test test = results.tests().get(0);

        JsonNode entries = mapper.readTree(BenchmarkActionWriter.render(results));

        String name = ReportFixtures.CLASS + ".slow()";
        assertThat(entries).extracting(e -> e.get("name").asText())
                .containsExactly(name + " p50", name + " p99", name + " allocated");
        JsonNode p99 = entries.get(1);
        assertThat(p99.get("unit").asText()).isEqualTo("ms");
        assertThat(p99.get("value").asDouble()).isEqualTo(test.run().latencyMs().p99());
        assertThat(p99.get("range").asText()).startsWith("± ");
        assertThat(p99.get("extra").asText()).contains("samples: 500", "verdict: FAILED");
        assertThat(entries.get(2).get("unit").asText()).isEqualTo("B/op");
        assertThat(entries.get(2).get("value").asDouble())
                .isEqualTo(test.run().memory().allocatedBytesPerOp());
    }

    @Test
    void unsupportedIntervalSaysSoAndMissingAllocationIsLeftOut() {
        ObjectNode tree = (ObjectNode) ResultsStore.treeOf(ReportFixtures.aggregate(dir, ReportFixtures.passing("fast")));
        ObjectNode test = (ObjectNode) tree.get("tests").get(0);
        ((ObjectNode) test.get("latencyCi95Ms").get("p99")).put("supported", false);
        ((ObjectNode) test.get("memory")).putNull("allocatedBytesPerOp");

        JsonNode entries = readTree(BenchmarkActionWriter.render(ResultsStore.fromTree(tree, ResultsFile.class)));

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("range").asText()).isEqualTo("± n/a");
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
