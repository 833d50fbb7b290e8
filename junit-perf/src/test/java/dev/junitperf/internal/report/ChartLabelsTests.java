package dev.junitperf.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.results.HistogramCodec;
import dev.junitperf.internal.results.ResultsFile;

/**
 * Labels of a chart never overlap and never leave its view box: tick labels, titles, legend and budget labels, for
 * any budgets and any latency range.
 */
class ChartLabelsTests {

    private static final List<String> BUDGETS = List.of("p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs");

    @TempDir
    Path dir;

    @Test
    void aLowBudgetIsLabelledInsideThePlotNotOverTheYAxis() {
        ResultsFile.Test test = ReportFixtures.withSlo(template(), Map.of("p50Ms", 0.04, "p99Ms", 0.04));

        List<SvgLabels.Label> labels = labels(spectrum(test, 200_000));

        assertThat(labels).filteredOn(l -> l.kind() == SvgLabels.Kind.MARKER).extracting(SvgLabels.Label::text)
                .containsExactlyInAnyOrder("p50 budget 40.0 µs", "p99 budget 40.0 µs");
        assertNoOverlapInsideTheViewBox(labels);
    }

    @Test
    void spectrumLabelsNeverOverlapForAnyBudgets() {
        ResultsFile.Test template = template();
        qt().withExamples(300).withShrinkCycles(0)
                .forAll(lists().of(doubles().between(-5, 4)).ofSize(BUDGETS.size()),
                        lists().of(integers().between(0, 1)).ofSize(BUDGETS.size()), doubles().between(1, 8))
                .checkAssert((exponents, present, fastest) -> {
                    Map<String, Number> slo = new LinkedHashMap<>();
                    for (int i = 0; i < BUDGETS.size(); i++) {
                        if (present.get(i) == 1) {
                            slo.put(BUDGETS.get(i), Math.pow(10, exponents.get(i)));
                        }
                    }
                    assertNoOverlapInsideTheViewBox(labels(spectrum(ReportFixtures.withSlo(template, slo),
                            (long) Math.pow(10, fastest))));
                });
    }

    @Test
    void sweepLabelsNeverOverlapForAnyParameters() {
        ResultsFile.Test template = template();
        qt().withExamples(100).withShrinkCycles(0)
                .forAll(lists().of(integers().between(-3, 1_000_000_000)).ofSizeBetween(2, 14))
                .checkAssert(parameters -> {
                    List<ResultsFile.Test> invocations = new ArrayList<>();
                    for (int i = 0; i < parameters.size(); i++) {
                        String name = "[" + (i + 1) + "] n = " + String.format("%,d", parameters.get(i));
                        invocations.add(ReportFixtures.renamed(template,
                                "[engine:junit-jupiter]/[class:X]/[test-template:n(int)]/[test-template-invocation:#" + (i + 1)
                                        + "]", "com.example.X", List.of("X", "n(int)", name)));
                    }
                    StringBuilder svg = new StringBuilder();
                    SvgCharts.render(SweepCharts.chart(SweepCharts.find(invocations).get(0)), svg);
                    assertNoOverlapInsideTheViewBox(labels(svg.toString()));
                });
    }

    private static void assertNoOverlapInsideTheViewBox(List<SvgLabels.Label> labels) {
        assertThat(labels).allSatisfy(l -> assertThat(l.insideViewBox()).as("%s inside the view box", l).isTrue());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("%s overlaps %s", labels.get(i), labels.get(j)).isFalse();
            }
        }
    }

    private static List<SvgLabels.Label> labels(String svg) {
        List<SvgLabels.Label> labels = SvgLabels.of(svg);
        assertThat(labels).filteredOn(l -> l.kind() == SvgLabels.Kind.TICK).hasSizeGreaterThanOrEqualTo(4);
        return labels;
    }

    private static String spectrum(ResultsFile.Test test, long fastestNanos) {
        StringBuilder svg = new StringBuilder();
        SvgCharts.render(PercentileSpectrum.chart(test, HistogramCodec.decode(HistogramCodec.encode(
                ReportFixtures.histogram(100_000, fastestNanos)))), svg);
        return svg.toString();
    }

    private ResultsFile.Test template() {
        return ReportFixtures.aggregate(dir, ReportFixtures.passing("template")).tests().get(0);
    }
}
