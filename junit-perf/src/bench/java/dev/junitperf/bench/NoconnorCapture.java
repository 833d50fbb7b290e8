package dev.junitperf.bench;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.noconnor.junitperf.JUnitPerfReportingConfig;
import com.github.noconnor.junitperf.data.EvaluationContext;
import com.github.noconnor.junitperf.reporting.ReportGenerator;
import com.github.noconnor.junitperf.statistics.StatisticsCalculator;

/**
 * Keep the evaluated context that noconnor's interceptor hands its report generators, and when it did so.
 *
 * <p>The interceptor calls {@link #generateReport} on its measuring thread after it has computed all
 * statistics; the benchmark reads the capture on the main thread once the engine run has returned.
 */
final class NoconnorCapture implements ReportGenerator {

    private static final NoconnorCapture INSTANCE = new NoconnorCapture();

    private volatile EvaluationContext last;
    private volatile long reportedAtNanos;

    private NoconnorCapture() {
    }

    /** Build a reporting config that reports only to the capture and uses the given statistics. */
    static JUnitPerfReportingConfig config(Supplier<StatisticsCalculator> statistics) {
        return JUnitPerfReportingConfig.builder()
                .reportGenerator(INSTANCE)
                .statisticsCalculatorSupplier(statistics)
                .build();
    }

    /** Return and forget the last reported context, with the nanoseconds its statistics took after the run ended. */
    static Optional<Captured> take() {
        EvaluationContext context = INSTANCE.last;
        INSTANCE.last = null;
        return Optional.ofNullable(context)
                .map(c -> new Captured(c, INSTANCE.reportedAtNanos - c.getFinishTimeNs()));
    }

    @Override
    public void generateReport(LinkedHashSet<EvaluationContext> contexts) {
        reportedAtNanos = System.nanoTime();
        contexts.forEach(c -> last = c);
    }

    @Override
    public String getReportPath() {
        return "";
    }

    /**
     * A reported context.
     *
     * @param context the evaluated context, which references the statistics calculator and its samples
     * @param statisticsNanos time from the end of measuring to the report call: the tool's end-of-run statistics
     */
    record Captured(EvaluationContext context, long statisticsNanos) {
    }
}
