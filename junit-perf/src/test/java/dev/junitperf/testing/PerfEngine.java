package dev.junitperf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.OutputDirectoryProvider;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;

/**
 * Run fixture classes through the Jupiter engine with a private report directory, and read what they wrote:
 * the one test helper every test of the extension and of the documentation examples uses.
 */
public final class PerfEngine {

    private PerfEngine() {
    }

    /**
     * Run with fast perf defaults: 20 ms warmups and no noise retries, so run counts are exact (a noisy
     * moment on a busy machine must not add runs). {@code keyValues} override them.
     */
    public static EngineExecutionResults execute(Class<?> testCases, Path reportDir, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("junitperf.default.warmupMs", "20");
        config.put("junitperf.noise.retries", "0");
        return run(testCases, reportDir, config, keyValues);
    }

    /** Run with junit-perf's own defaults, as a user's build would; {@code keyValues} are configuration parameters. */
    public static EngineExecutionResults executeWithDefaults(Class<?> testCases, Path reportDir, String... keyValues) {
        return run(testCases, reportDir, new LinkedHashMap<>(), keyValues);
    }

    /** Run several fixture classes in one test run, with the fast perf defaults of {@link #execute}. */
    public static EngineExecutionResults executeAll(List<Class<?>> testCases, Path reportDir, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("junitperf.default.warmupMs", "20");
        config.put("junitperf.noise.retries", "0");
        return run(testCases, reportDir, config, keyValues);
    }

    /**
     * Run with the fast perf defaults of {@link #execute}, letting tests attach files (JUnit's {@code publishFile}) under
     * {@code junitOutput}, one directory per test; EngineTestKit refuses them otherwise.
     */
    // OutputDirectoryProvider is deprecated in JUnit 6 for OutputDirectoryCreator, which 5.x does not know.
    @SuppressWarnings("deprecation")
    public static EngineExecutionResults executeAttaching(Class<?> testCases, Path reportDir, Path junitOutput,
                                                          String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("junitperf.default.warmupMs", "20");
        config.put("junitperf.noise.retries", "0");
        return builder(List.of(testCases), reportDir, config, keyValues).outputDirectoryProvider(new OutputDirectoryProvider() {
            @Override
            public Path getRootDirectory() {
                return junitOutput;
            }

            @Override
            public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                return Files.createDirectories(junitOutput.resolve(Integer.toHexString(descriptor.getUniqueId().hashCode())));
            }
        }).execute();
    }

    private static EngineExecutionResults run(Class<?> testCases, Path reportDir, Map<String, String> config,
                                              String... keyValues) {
        return run(List.of(testCases), reportDir, config, keyValues);
    }

    private static EngineExecutionResults run(List<Class<?>> testCases, Path reportDir, Map<String, String> config,
                                              String... keyValues) {
        return builder(testCases, reportDir, config, keyValues).execute();
    }

    private static EngineTestKit.Builder builder(List<Class<?>> testCases, Path reportDir, Map<String, String> config,
                                                 String... keyValues) {
        config.put("junitperf.report.dir", reportDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .selectors(testCases.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .configurationParameters(config);
    }

    /** Read the aggregate {@code results.json} of a report directory, checking its schema. */
    public static ResultsFile results(Path reportDir) {
        ResultsFile results = new ResultsStore(reportDir).read();
        assertThat(results.schema()).isEqualTo(ResultsFile.SCHEMA);
        return results;
    }

    /** Return the one test of a report directory, failing if there is not exactly one. */
    public static ResultsFile.Test onlyTest(Path reportDir) {
        List<ResultsFile.Test> tests = results(reportDir).tests();
        assertThat(tests).hasSize(1);
        return tests.get(0);
    }

    /** Return the test of a report directory with this method name, failing if there is none. */
    public static ResultsFile.Test test(Path reportDir, String method) {
        return results(reportDir).tests().stream().filter(t -> t.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no results for " + method + "() in " + reportDir));
    }

    /** Burn CPU for about {@code nanos} without sleeping, so the latency is known. */
    public static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
