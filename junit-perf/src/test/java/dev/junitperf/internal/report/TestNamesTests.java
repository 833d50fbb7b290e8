package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.results.ResultsFile;

class TestNamesTests {

    private static final String TEMPLATE = "[engine:junit-jupiter]/[class:com.a.SortTests]/[test-template:sort(int, dev.junitperf.PerfContext)]";

    @TempDir
    Path dir;

    @Test
    void twoClassesOfTheSameSimpleNameAreToldApartByTheirPackage() {
        ResultsFile.Test template = template();
        ResultsFile.Test a = ReportFixtures.renamed(template, "[engine:junit-jupiter]/[class:com.a.SortTests]/[method:sort()]",
                "com.a.SortTests", List.of("SortTests", "sort()"));
        ResultsFile.Test b = ReportFixtures.renamed(template, "[engine:junit-jupiter]/[class:com.b.SortTests]/[method:sort()]",
                "com.b.SortTests", List.of("SortTests", "sort()"));
        ResultsFile.Test other = ReportFixtures.renamed(template, "[engine:junit-jupiter]/[class:com.b.MapTests]/[method:get()]",
                "com.b.MapTests", List.of("MapTests", "get()"));

        Map<String, String> labels = TestNames.labels(List.of(a, b, other));

        assertThat(labels).containsEntry(a.id(), "com.a.SortTests › sort()").containsEntry(b.id(), "com.b.SortTests › sort()")
                .containsEntry(other.id(), "MapTests › get()");
    }

    @Test
    void invocationsOfTheSameDisplayNameAreToldApartByTheirIndex() {
        ResultsFile.Test template = template();
        ResultsFile.Test first = ReportFixtures.renamed(template, TEMPLATE + "/[test-template-invocation:#1]", "com.a.SortTests",
                List.of("SortTests", "sort(int, PerfContext)", "same"));
        ResultsFile.Test second = ReportFixtures.renamed(template, TEMPLATE + "/[test-template-invocation:#2]", "com.a.SortTests",
                List.of("SortTests", "sort(int, PerfContext)", "same"));

        assertThat(TestNames.labels(List.of(first, second)).values()).containsExactlyInAnyOrder(
                "com.a.SortTests › sort(int, PerfContext) › same #1", "com.a.SortTests › sort(int, PerfContext) › same #2");
        assertThat(TestNames.benchmarkNames(List.of(first, second)).values()).containsExactlyInAnyOrder(
                "com.a.SortTests.sort(int, PerfContext) same #1", "com.a.SortTests.sort(int, PerfContext) same #2");
    }

    @Test
    void theAnchorIsStableAndFitsAnHtmlId() {
        assertThat(TestNames.anchor(TEMPLATE)).isEqualTo(TestNames.anchor(TEMPLATE)).matches("t-[0-9a-f]{12}")
                .isNotEqualTo(TestNames.anchor(TEMPLATE + "/[test-template-invocation:#1]"));
    }

    private ResultsFile.Test template() {
        return ReportFixtures.aggregate(dir, ReportFixtures.passing("template")).tests().get(0);
    }
}
