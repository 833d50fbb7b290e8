package dev.junitperf.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.junitperf.PerfTest;

/**
 * Measure the same bodies with JMH and with junit-perf's {@code @PerfTest}, in one run, and print one table.
 *
 * <p>Run with {@code ./mvnw -pl junit-perf -Pbench test-compile exec:exec@jmh-comparison} (about 8 minutes), or
 * as part of {@code ./mvnw -pl junit-perf -Pbench verify}. For every body of {@link Bodies}, round by round: JMH
 * runs AverageTime and SampleTime, each in a forked JVM, then junit-perf runs the body through the Jupiter engine
 * with {@code iterations = 10_000}, {@code iterations = 100_000} and {@code durationMs = 1_000}, default warmup and
 * batching, each in a forked JVM too ({@link JunitPerfFork} says why). Figures are the median of the rounds;
 * {@link ComparisonTable} states the criteria and the rule for what SampleTime can resolve.
 *
 * <p>{@code -Dbench.quick=true} runs one short round of everything, to check that the benchmark works;
 * its figures are not results. {@code -Dbench.warmupMs=3000} gives every {@code @PerfTest} that warmup instead
 * of the default, to tell whether a miss comes from too short a warmup.
 */
public final class JmhComparisonBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int ROUNDS = QUICK ? 1 : 3;
    /** A diagnostic, not the comparison: {@code -Dbench.warmupMs=N} sets {@code junitperf.default.warmupMs} for every run. */
    private static final String WARMUP_MS = System.getProperty("bench.warmupMs", "").trim();
    private static final Map<String, String> CONFIGURATION = WARMUP_MS.isEmpty() ? Map.of()
            : Map.of("junitperf.default.warmupMs", WARMUP_MS);
    /** A diagnostic: {@code -Dbench.bodies=hashLookup,jackson} measures only those bodies (JMH method names)
     * and the empty one, whose SampleTime p50 the table needs; all by default. */
    private static final String BODIES = System.getProperty("bench.bodies", "").trim();
    private static final Path LOG_DIR = Path.of(System.getProperty("bench.jmh.logDir", "target/jmh-comparison"));
    private static final JmhReference.Plan JMH = QUICK
            ? new JmhReference.Plan(1, 1, 200, 2, 200, LOG_DIR)
            : new JmhReference.Plan(1, 3, 1_000, 5, 1_000, LOG_DIR);

    private JmhComparisonBenchmark() {
    }

    /** A body measured by both tools: its label, its JMH method and its {@code @PerfTest} fixture. */
    enum ComparedBody {
        EMPTY("empty", "empty", JmhComparisonTestCases.Empty.class),
        ARITHMETIC("arithmetic", "arithmetic", JmhComparisonTestCases.Arithmetic.class),
        HASH_LOOKUP("hash lookup", "hashLookup", JmhComparisonTestCases.HashLookup.class),
        JACKSON("jackson", "jackson", JmhComparisonTestCases.Jackson.class),
        SPIN("200 µs spin", "spin200us", JmhComparisonTestCases.Spin.class);

        final String label;
        final String jmhMethod;
        final Class<?> fixture;

        ComparedBody(String label, String jmhMethod, Class<?> fixture) {
            this.label = label;
            this.jmhMethod = jmhMethod;
            this.fixture = fixture;
        }
    }

    /** A way junit-perf measures: the label and the fixture method that declares it. */
    enum PerfTestMode {
        FEW(String.format(Locale.ROOT, "n = %,d", JmhComparisonTestCases.FEW), "iterations10k"),
        MANY(String.format(Locale.ROOT, "n = %,d", JmhComparisonTestCases.MANY), "iterations100k"),
        DURATION(String.format(Locale.ROOT, "%,d ms", JmhComparisonTestCases.DURATION_MS), "duration1s");

        final String label;
        final String method;

        PerfTestMode(String label, String method) {
            this.label = label;
            this.method = method;
        }
    }

    /**
     * One table row: a body in one junit-perf mode, with that body's JMH figures.
     *
     * @param body the body
     * @param mode how junit-perf measured it
     * @param rounds junit-perf's figures, one per round
     * @param jmh JMH's figures of the body, one per fork
     */
    record Row(ComparedBody body, PerfTestMode mode, List<PerfTestRound> rounds, JmhReference.Figures jmh) {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "JMH vs junit-perf on the same bodies — %s %s, %d CPUs, JDK %s (%s), -Xmx %,d MiB%n",
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20);
        if (QUICK) {
            System.out.println("QUICK SMOKE MODE (-Dbench.quick=true): one short round; these figures are NOT results.");
        }
        System.out.println("load average before: " + PeerComparisonBenchmark.loadAverage());
        System.out.printf(Locale.ROOT, "JMH: AverageTime and SampleTime, ns/op, 1 thread, %s, forks with %s; its output in %s%n",
                JMH.describe(), String.join(" ", JmhReference.FORK_JVM_ARGS), LOG_DIR.toAbsolutePath());
        System.out.printf(Locale.ROOT, "junit-perf: @PerfTest through the Jupiter engine, a fork per mode and round with JMH's heap flags, %s warmup, default batching, wall clock, "
                + "%d round(s) per mode%n", WARMUP_MS.isEmpty() ? "default" : "NOT THE DEFAULT: " + WARMUP_MS + " ms", ROUNDS);
        List<Row> rows = new ArrayList<>();
        for (ComparedBody body : ComparedBody.values()) {
            if (!BODIES.isEmpty() && body != ComparedBody.EMPTY && !List.of(BODIES.split(",")).contains(body.jmhMethod)) {
                System.out.printf(Locale.ROOT, "  NOT MEASURED: %s (-Dbench.bodies=%s)%n", body.label, BODIES);
                continue;
            }
            System.out.printf(Locale.ROOT, "  measuring %s … (load %s)%n", body.label, PeerComparisonBenchmark.loadAverage());
            rows.addAll(measure(body));
        }
        System.out.println();
        ComparisonTable.print(rows, ROUNDS);
        System.out.printf(Locale.ROOT, "%nload average after: %s; benchmark wall time %.0f s%n",
                PeerComparisonBenchmark.loadAverage(), (System.nanoTime() - start) / 1e9);
        if (QUICK) {
            System.out.println("QUICK SMOKE MODE: the figures above are NOT results.");
        }
    }

    /**
     * Measure one body round by round: in each round one JMH fork per mode, then one fork per junit-perf mode, so that a
     * machine whose speed drifts over minutes moves both tools' figures of a round alike. Return a row per mode.
     */
    private static List<Row> measure(ComparedBody body) throws Exception {
        List<JmhReference.Figures> jmhRounds = new ArrayList<>();
        List<List<PerfTestRound>> byMode = new ArrayList<>();
        for (PerfTestMode mode : PerfTestMode.values()) {
            byMode.add(new ArrayList<>());
        }
        for (int r = 0; r < ROUNDS; r++) {
            jmhRounds.add(JmhReference.measure(body.jmhMethod, JMH, r + 1));
            for (PerfTestMode mode : PerfTestMode.values()) {
                byMode.get(mode.ordinal()).add(JunitPerfFork.measure(body.fixture, mode.method, CONFIGURATION,
                        List.of(JmhReference.FORK_JVM_ARGS)));
            }
        }
        JmhReference.Figures jmh = JmhReference.Figures.concat(jmhRounds);
        List<Row> rows = new ArrayList<>();
        for (PerfTestMode mode : PerfTestMode.values()) {
            rows.add(new Row(body, mode, List.copyOf(byMode.get(mode.ordinal())), jmh));
        }
        return rows;
    }
}
