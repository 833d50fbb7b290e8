package dev.junitperf;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Run fixture classes through the Jupiter engine with fast perf defaults and a private report directory.
 *
 * <p>Noise retries are off unless a test asks for them, so a breach takes exactly its confirmation runs.
 */
final class PerfEngine {

    private PerfEngine() {
    }

    static EngineExecutionResults execute(Class<?> testCases, Path reportDir, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("junitperf.report.dir", reportDir.toString());
        config.put("junitperf.default.warmupMs", "20");
        // Run counts in these tests are exact: a noisy moment on a busy machine must not add runs.
        config.put("junitperf.noise.retries", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testCases))
                .configurationParameters(config)
                .execute();
    }

    /** Burn CPU for about {@code nanos} without sleeping, so the latency is known. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
