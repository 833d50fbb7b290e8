package dev.junitperf.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;

/** Run a junit-perf fixture through the Jupiter engine and read what junit-perf reported. */
final class JunitPerfDriver {

    private JunitPerfDriver() {
    }

    /** Run the fixture's single {@code @PerfTest} with batching {@code auto} or {@code off}. */
    static Run run(Class<?> fixture, boolean batching) throws IOException {
        return run(fixture, selectClass(fixture), batching, Map.of());
    }

    /**
     * Run one {@code @PerfTest} method of the fixture, taking a {@code PerfContext}, with batching {@code auto}
     * and the given extra configuration parameters (e.g. {@code junitperf.default.warmupMs}).
     */
    static Run run(Class<?> fixture, String method, Map<String, String> configuration) throws IOException {
        return run(fixture, selectMethod(fixture, method, PerfContext.class.getName()), true, configuration);
    }

    private static Run run(Class<?> fixture, DiscoverySelector selector, boolean batching, Map<String, String> configuration)
            throws IOException {
        Path dir = Files.createTempDirectory("peer-bench-junit-perf");
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selector)
                .configurationParameter("junitperf.report.dir", dir.toString())
                .configurationParameter("junitperf.batching", batching ? "auto" : "off")
                .configurationParameter("junitperf.console.lines", "false")
                .configurationParameters(configuration)
                .execute();
        long wallNanos = System.nanoTime() - start;
        EngineRuns.requireOneSuccess(fixture, results);
        return new Run(results, new ResultsStore(dir).read(), dir, wallNanos);
    }

    /**
     * One engine run and its results document.
     *
     * @param engine the test kit's record of the run
     * @param results the parsed {@code results.json}
     * @param reportDir where junit-perf wrote its reports
     * @param wallNanos wall time of the whole engine run, reports included
     */
    record Run(EngineExecutionResults engine, ResultsFile results, Path reportDir, long wallNanos) {

        ResultsFile.Test test() {
            return results.tests().get(0);
        }

        long samples() {
            return test().run().samples();
        }

        double throughputPerSec() {
            return test().run().throughputPerSec();
        }

        double p50Ms() {
            return test().run().latencyMs().p50();
        }

        double p99Ms() {
            return test().run().latencyMs().p99();
        }

        int batchSize() {
            return test().run().batchSize();
        }

        long timedSamples() {
            return test().run().timedSamples();
        }

        double meanMs() {
            return test().run().latencyMs().mean();
        }

        /** Return the caveats junit-perf attached to the figures (timer correction, resolution, cold start). */
        List<String> notes() {
            return test().run().notes();
        }

        /** Return what a timing costs on the judged clock: {@code judgedCostNanos}, {@code resolutionNanos}, ... */
        ResultsFile.Timer timer() {
            return test().run().timer();
        }
    }
}
