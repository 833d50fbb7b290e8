package dev.junitperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Run one {@code @PerfTest} of {@link JmhComparisonTestCases} in a JVM of its own, as JMH runs each of its rounds in a
 * fork: {@link #measure} starts the fork, whose {@link #main} runs the test and writes what junit-perf reported.
 *
 * <p>Why a fork: in one long-lived JVM the bodies share the JIT's type profiles with everything that ran before them
 * ({@code HashMap.get} there has seen {@code String}, {@code Class} and other keys; Jackson's serialisers have written
 * junit-perf's own results), while a JMH fork has seen only its body. Comparing the tools needs the same JVM history on
 * both sides. (Measured on the hash lookup, it was not what separated the tools: see docs/benchmarks.md.)
 */
final class JunitPerfFork {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 10;

    private JunitPerfFork() {
    }

    /** Run {@code fixture}'s {@code method} in a new JVM with {@code jvmArgs}; return what junit-perf reported there. */
    static PerfTestRound measure(Class<?> fixture, String method, Map<String, String> configuration, List<String> jvmArgs)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("junit-perf-fork", ".json");
        Path log = Files.createTempFile("junit-perf-fork", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JunitPerfFork.class.getName());
        command.add(out.toString());
        command.add(fixture.getName());
        command.add(method);
        configuration.forEach((key, value) -> command.add(key + "=" + value));
        Process fork = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!fork.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            fork.destroyForcibly().waitFor();
            throw new IllegalStateException("the fork measuring " + fixture.getSimpleName() + "." + method
                    + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        if (fork.exitValue() != 0 || Files.size(out) == 0) {
            throw new IllegalStateException("the fork measuring " + fixture.getSimpleName() + "." + method + " failed (exit "
                    + fork.exitValue() + "); its output is in " + log);
        }
        PerfTestRound round = JSON.readValue(out.toFile(), PerfTestRound.class);
        Files.delete(out);
        Files.delete(log);
        return round;
    }

    /** Arguments: the output file, the fixture class, the method, then {@code key=value} configuration parameters. */
    public static void main(String[] args) throws Exception {
        Map<String, String> configuration = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            configuration.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        PerfTestRound round = PerfTestRound.of(JunitPerfDriver.run(Class.forName(args[1]), args[2], configuration));
        JSON.writeValue(Path.of(args[0]).toFile(), round);
    }
}
