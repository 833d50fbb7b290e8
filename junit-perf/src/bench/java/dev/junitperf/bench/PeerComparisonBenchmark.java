package dev.junitperf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;
import com.github.noconnor.junitperf.data.EvaluationContext;

/**
 * Measure junit-perf next to noconnor's junitperf-junit5 on the same bodies, in one JVM, and print a side-by-side table.
 *
 * <p>Run with {@code ./mvnw -q -pl junit-perf -Pbench verify -DskipTests}. Both tools drive their own annotated
 * test through the Jupiter engine ({@code EngineTestKit}); figures are the median of several rounds with the
 * min–max spread, rounds interleave the tools so that a busy neighbour hits both, and the load average is
 * printed before and after because it changes every number.
 */
public final class PeerComparisonBenchmark {

    private static final int ROUNDS = 3;
    private static final double MIB = 1024.0 * 1024.0;

    private PeerComparisonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "junit-perf vs noconnor junitperf-junit5 %s — %s %s, %d CPUs, JDK %s (%s), -Xmx %.0f MiB, GC %s%n",
                peerVersion(), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / MIB, collectors());
        System.out.println("load average before: " + loadAverage());
        System.out.println();
        Throughput.run();
        System.out.println();
        EvaluationContext nested = Accuracy.run();
        System.out.println();
        HeapAndReports.run(nested);
        System.out.printf(Locale.ROOT, "%nload average after: %s; benchmark wall time %.0f s%n",
                loadAverage(), (System.nanoTime() - start) / 1e9);
    }

    /** Section 1: invocations per second on an empty body. */
    private static final class Throughput {

        static void run() throws IOException {
            double[][] jpOff = new double[3][ROUNDS];
            double[][] jpAuto = new double[4][ROUNDS];
            double[][] peer = new double[4][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                JunitPerfDriver.Run off = JunitPerfDriver.run(JunitPerfTestCases.EmptyBody.class, false);
                jpOff[0][r] = off.throughputPerSec();
                jpOff[1][r] = off.samples();
                jpOff[2][r] = off.p99Ms() * 1e6;
                JunitPerfDriver.Run auto = JunitPerfDriver.run(JunitPerfTestCases.EmptyBody.class, true);
                jpAuto[0][r] = auto.throughputPerSec();
                jpAuto[1][r] = auto.samples();
                jpAuto[2][r] = auto.p99Ms() * 1e6;
                jpAuto[3][r] = auto.batchSize();
                NoconnorDriver.Run noconnor = NoconnorDriver.run(NoconnorTestCases.EmptyBody.class);
                peer[0][r] = noconnor.throughputPerSec();
                peer[1][r] = noconnor.samples();
                peer[2][r] = noconnor.p99Ms() * 1e6;
                peer[3][r] = noconnor.statisticsNanos() / 1e6;
            }
            System.out.printf(Locale.ROOT, "1. Empty body driven through JUnit: %d ms warmup + %d ms measured, 1 thread; median of %d rounds [min–max]%n",
                    JunitPerfTestCases.WARMUP_MS, JunitPerfTestCases.MEASURE_MS, ROUNDS);
            System.out.printf(Locale.ROOT, "   %-38s %-46s %-15s %-26s %s%n", "tool", "invocations/s (as the tool reports)",
                    "invocations", "reported p99", "note");
            row("junit-perf @PerfTest, batching off", jpOff, "1 timing per invocation");
            row("junit-perf @PerfTest, batching auto", jpAuto, String.format(Locale.ROOT, "batch of %.0f per timing; empty body JIT-eliminated in the batch loop",
                    Spread.of(jpAuto[3]).median()));
            row("noconnor @JUnitPerfTest(threads = 1)", peer, String.format(Locale.ROOT,
                    "1 timing per invocation; then %s ms computing 101 percentiles", Spread.of(peer[3]).format("%,.0f")));
        }

        private static void row(String tool, double[][] figures, String note) {
            System.out.printf(Locale.ROOT, "   %-38s %-46s %,-15.0f %-26s %s%n", tool, Spread.of(figures[0]).format("%,.0f"),
                    Spread.of(figures[1]).median(), Spread.of(figures[2]).format("%.1f") + " ns", note);
        }
    }

    /** Section 2: reported p50 and p99 against the truth the body measures itself. */
    private static final class Accuracy {

        /** Measure and print; return the last context noconnor reported. */
        static EvaluationContext run() throws IOException {
            EvaluationContext last = null;
            double[][] jp = new double[4][ROUNDS];
            double[][] peer = new double[4][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                KnownDistribution.reset(r);
                JunitPerfDriver.Run run = JunitPerfDriver.run(JunitPerfTestCases.KnownBody.class, false);
                record(jp, r, run.p50Ms(), run.p99Ms(), run.samples());
                KnownDistribution.reset(r);
                NoconnorDriver.Run noconnor = NoconnorDriver.run(NoconnorTestCases.KnownBody.class);
                record(peer, r, noconnor.p50Ms(), noconnor.p99Ms(), noconnor.samples());
                last = noconnor.context();
            }
            System.out.printf(Locale.ROOT, "2. Known distribution: %d %% spin %d µs, %d %% spin %d ms (seeded SplittableRandom, System.nanoTime busy loop);%n"
                    + "   %d measured invocations after %d ms warmup, one timing per invocation; truth = HdrHistogram (4 significant digits)%n"
                    + "   of the body's own nanoTime spans over exactly the measured invocations (kept in an array inside the body, binned%n"
                    + "   after the run); junit-perf reports from an HdrHistogram (3 digits), noconnor from every exact value%n"
                    + "   (commons-math Percentile); median of %d rounds [min–max]%n",
                    98, KnownDistribution.FAST_NANOS / 1000, 2, KnownDistribution.SLOW_NANOS / 1_000_000,
                    JunitPerfTestCases.KNOWN_ITERATIONS, JunitPerfTestCases.WARMUP_MS, ROUNDS);
            System.out.printf(Locale.ROOT, "   %-12s %-6s %-34s %-34s %s%n", "tool", "figure", "reported ms", "truth ms", "error (reported − truth) / truth");
            rows("junit-perf", jp);
            rows("noconnor", peer);
            return last;
        }

        private static void record(double[][] figures, int round, double p50Ms, double p99Ms, long samples) {
            Histogram truth = KnownDistribution.truth();
            if (truth.getTotalCount() != samples) {
                throw new IllegalStateException("truth holds " + truth.getTotalCount() + " invocations but the tool measured " + samples);
            }
            figures[0][round] = p50Ms;
            figures[1][round] = truth.getValueAtPercentile(50) / 1e6;
            figures[2][round] = p99Ms;
            figures[3][round] = truth.getValueAtPercentile(99) / 1e6;
        }

        private static void rows(String tool, double[][] figures) {
            for (int f = 0; f < 2; f++) {
                double[] reported = figures[2 * f];
                double[] truth = figures[2 * f + 1];
                double[] errors = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    errors[r] = (reported[r] - truth[r]) / truth[r] * 100;
                }
                System.out.printf(Locale.ROOT, "   %-12s %-6s %-34s %-34s %s%n", tool, f == 0 ? "p50" : "p99",
                        Spread.of(reported).format("%.4f"), Spread.of(truth).format("%.4f"), Spread.of(errors).format("%+.2f") + " %");
            }
        }
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private static String peerVersion() {
        try (InputStream in = JUnitPerfInterceptor.class.getResourceAsStream(
                "/META-INF/maven/com.github.noconnor/junitperf-junit5/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
