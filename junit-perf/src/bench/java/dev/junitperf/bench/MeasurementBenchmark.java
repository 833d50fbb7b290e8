package dev.junitperf.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.platform.testkit.engine.EngineTestKit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.junitperf.Perf;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfResult;
import dev.junitperf.PerfTest;

/**
 * Measure the harness itself: its overhead next to the floor, and its accuracy on a known distribution.
 *
 * <p>Run with {@code ./mvnw -pl junit-perf -Pbench verify}. Every figure is printed as the median of
 * several rounds with the min–max spread; the machine's load average is printed first, since a
 * busy neighbour changes every number.
 */
public final class MeasurementBenchmark {

    private static final int ROUNDS = 5;
    private static final long ROUND_MS = 1_500;

    private MeasurementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "junit-perf measurement benchmark — %s, %d CPUs, JDK %s, load %s%n",
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        System.out.println();
        overhead();
        System.out.println();
        accuracy();
        System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
    }

    private static void overhead() throws Exception {
        Stats bare = Stats.of(MeasurementBenchmark::bareLoopPerSec);
        Stats harness = Stats.of(() -> Perf.measure(ctx -> { }).batching(false).warmupMs(300).durationMs(ROUND_MS)
                .run().throughputPerSec());
        Stats annotated = Stats.of(MeasurementBenchmark::annotatedPerSec);
        Stats batched = Stats.of(() -> Perf.measure(ctx -> { }).warmupMs(300).durationMs(ROUND_MS).run().throughputPerSec());
        System.out.println("1. Samples per second on an empty body (median of " + ROUNDS + " rounds of " + ROUND_MS + " ms, [min–max])");
        System.out.println("   bare loop: 2 × nanoTime + Histogram.recordValue   " + bare.format("/s"));
        System.out.println("   Perf.measure, one timing per invocation           " + harness.format("/s")
                + String.format(Locale.ROOT, "   ratio %.2f", harness.median / bare.median));
        System.out.println("   @PerfTest (MethodHandle path), batching off       " + annotated.format("/s")
                + String.format(Locale.ROOT, "   ratio %.2f", annotated.median / bare.median));
        System.out.println("   Perf.measure, batching auto (invocations/s)        " + batched.format("/s"));
        System.out.println("     (an empty body inlines to nothing once it is a JIT constant: this line is loop cost only)");
    }

    private static double bareLoopPerSec() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long end = System.nanoTime() + ROUND_MS * 1_000_000;
        long count = 0;
        long start = System.nanoTime();
        long t1 = start;
        while (t1 < end) {
            long t0 = System.nanoTime();
            t1 = System.nanoTime();
            h.recordValue(t1 - t0);
            count++;
        }
        return count * 1e9 / (t1 - start);
    }

    private static double annotatedPerSec() throws Exception {
        Path dir = Files.createTempDirectory("junit-perf-bench");
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(EmptyBody.class))
                .configurationParameter("junitperf.report.dir", dir.toString())
                .configurationParameter("junitperf.batching", "off")
                .execute();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        return results.get("tests").get(0).get("throughputPerSec").asDouble();
    }

    private static void accuracy() {
        System.out.println("2. Known distribution: 98 % spin 200 µs, 2 % spin 2 ms; 5,000 invocations per round");
        System.out.println("   figure   reported (harness)   truth (inside body)   error");
        List<double[]> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            Histogram truth = new Histogram(3_600_000_000_000L, 3);
            SplittableRandom random = new SplittableRandom(r);
            PerfResult measured = Perf.measure(ctx -> knownBody(ctx, random, truth)).warmupIterations(500).warmupMs(0)
                    .iterations(5_000).run();
            rounds.add(new double[] {measured.p50Ms(), truth.getValueAtPercentile(50) / 1e6,
                    measured.p99Ms(), truth.getValueAtPercentile(99) / 1e6});
        }
        for (int figure = 0; figure < 2; figure++) {
            double[] errors = new double[ROUNDS];
            double[] reported = new double[ROUNDS];
            double[] truth = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                reported[r] = rounds.get(r)[figure * 2];
                truth[r] = rounds.get(r)[figure * 2 + 1];
                errors[r] = (reported[r] - truth[r]) / truth[r] * 100;
            }
            Stats e = Stats.of(errors);
            System.out.printf(Locale.ROOT, "   %-6s   %10.4f ms        %10.4f ms         %+.3f %% [%+.3f … %+.3f %%]%n",
                    figure == 0 ? "p50" : "p99", Stats.of(reported).median, Stats.of(truth).median, e.median, e.min, e.max);
        }
    }

    private static void knownBody(PerfContext ctx, SplittableRandom random, Histogram truth) {
        long spin = random.nextInt(100) < 2 ? 2_000_000 : 200_000;
        long start = System.nanoTime();
        long end = start + spin;
        long now;
        do {
            now = System.nanoTime();
        } while (now < end);
        if (!ctx.warmup()) {
            truth.recordValue(now - start);
        }
        ctx.sink(now);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** A @PerfTest fixture measured through the real extension. */
    static class EmptyBody {
        @PerfTest(warmupMs = 300, durationMs = ROUND_MS)
        void empty() {
        }
    }

    private record Stats(double median, double min, double max) {
        static Stats of(ThrowingDoubleSupplier s) throws Exception {
            double[] v = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                v[i] = s.get();
            }
            return of(v);
        }

        static Stats of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new Stats(v[v.length / 2], v[0], v[v.length - 1]);
        }

        String format(String unit) {
            return String.format(Locale.ROOT, "%,14.0f%s [%,.0f–%,.0f]", median, unit, min, max);
        }
    }

    @FunctionalInterface
    private interface ThrowingDoubleSupplier {
        double get() throws Exception;
    }
}
