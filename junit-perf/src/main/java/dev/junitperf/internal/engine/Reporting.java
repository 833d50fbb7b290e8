package dev.junitperf.internal.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.junitperf.PerfResult;
import dev.junitperf.internal.baseline.Baseline;
import dev.junitperf.internal.config.Configuration;
import dev.junitperf.internal.engine.JudgedTest;
import dev.junitperf.internal.report.ConsoleLine;
import dev.junitperf.internal.report.ConsoleSummary;
import dev.junitperf.internal.report.FlameGraph;
import dev.junitperf.internal.report.ReportWriters;
import dev.junitperf.internal.results.AtomicFiles;
import dev.junitperf.internal.results.EnvironmentInfo;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;
import dev.junitperf.internal.results.RunIdentity;

/**
 * Report a judged perf test: its results file, the flame graph of a recorded breach, its console line, its JUnit
 * report entries; and, once when the whole test run ends, the aggregate and every report built from it.
 */
final class Reporting {

    /** The engine's state in JUnit's stores: the baseline loaded once, the report session. */
    static final Namespace NAMESPACE = Namespace.create(Reporting.class);

    private Reporting() {
    }

    // getOrComputeIfAbsent and CloseableResource are deprecated in JUnit 6 but are the only forms
    // JUnit 5.10 knows, and users of 5.10+ must be served.
    @SuppressWarnings("deprecation")
    static ResultsFile.Test report(JudgedTest test, ExtensionContext context, Configuration configuration) {
        ResultsStore store = new ResultsStore(reportDir(configuration));
        RunIdentity run = RunIdentity.current(configuration.get(Configuration.RUN_ID));
        ResultsFile.Test record = TestRecords.of(test, run.id(), store.reportDir());
        PublishedFiles.publish(context, store.writeTest(record), PublishedFiles.JSON);
        test.recording().ifPresent(r -> {
            PublishedFiles.publish(context, r.file(), PublishedFiles.BINARY);
            if (record.profile() != null) {
                Path svg = BreachRecording.flameGraphFile(r.file());
                AtomicFiles.write(svg, FlameGraph.svg(record));
                PublishedFiles.publish(context, svg, PublishedFiles.SVG);
            }
        });
        Optional<Baseline> baseline = PerfTestPlan.baseline(context, configuration);
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Session.class,
                key -> new Session(store, run, baseline, configuration.consoleSummary()), Session.class);
        if (configuration.consoleLines()) {
            System.out.println(ConsoleLine.of(record));
        }
        context.publishReportEntry(reportEntries(test));
        return record;
    }

    /** Return the figures published as JUnit report entries. */
    static Map<String, String> reportEntries(JudgedTest test) {
        PerfResult r = test.decidingRun().result();
        return Map.of(
                "junitperf.verdict", test.verdict().name(),
                "junitperf.samples", Long.toString(r.invocations()),
                "junitperf.errors", Long.toString(r.errors()),
                "junitperf.p50Ms", Double.toString(r.p50Ms()),
                "junitperf.p99Ms", Double.toString(r.p99Ms()),
                "junitperf.maxMs", Double.toString(r.maxMs()),
                "junitperf.throughputPerSec", Double.toString(r.throughputPerSec()),
                "junitperf.clock", r.clock().configValue(),
                "junitperf.noise", Double.toString(r.noise().level()));
    }

    static Path reportDir(Configuration configuration) {
        return Path.of(configuration.get(Configuration.REPORT_DIR).orElse("target/junit-perf"));
    }

    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Rebuild {@code results.json} and the reports once, when the whole test run ends. */
    @SuppressWarnings("deprecation")
    private static final class Session implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final ResultsStore store;
        private final RunIdentity run;
        private final Optional<Baseline> baseline;
        private final boolean printSummary;
        private final AtomicBoolean closed = new AtomicBoolean();

        Session(ResultsStore store, RunIdentity run, Optional<Baseline> baseline, boolean printSummary) {
            this.store = store;
            this.run = run;
            this.baseline = baseline;
            this.printSummary = printSummary;
        }

        // JUnit 5.10-5.12 call close() as a CloseableResource, 5.13+ as an AutoCloseable: write once either way.
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                Optional<ResultsFile.BaselineInfo> compared = baseline.map(b -> new ResultsFile.BaselineInfo(
                        b.file().toString(), b.testIds().stream().sorted()
                        .map(id -> new ResultsFile.MissingTest(id, b.describe(id))).toList()));
                ResultsFile results = store.exclusively(() -> {
                    ResultsFile aggregate = store.writeAggregate(EnvironmentInfo.current(), run, compared);
                    ReportWriters.writeAll(store.reportDir(), aggregate);
                    return aggregate;
                });
                if (printSummary) {
                    System.out.print(ConsoleSummary.render(results));
                }
            }
        }
    }
}
