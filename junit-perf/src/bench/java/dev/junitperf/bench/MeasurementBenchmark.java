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
import dev.junitperf.PerfClock;
import dev.junitperf.PerfContext;
import dev.junitperf.PerfResult;
import dev.junitperf.PerfTest;
import dev.junitperf.TimerCorrection;

/**
 * Measure the harness itself: its overhead next to the floor, and its accuracy on a known distribution.
 *
 * <p>Run with {@code ./mvnw -pl junit-perf -Pbench verify}. Every figure is printed as the median of
 * several rounds with the min–max spread; the machine's load average is printed first, since a
 * busy neighbour changes every number. {@code -Dbench.quick=true} runs one short round, to check that
 * the benchmark works; its figures are not results.
 */
public final class MeasurementBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int ROUNDS = QUICK ? 1 : 5;
    /** Length of the annotated fixture's measurement; a constant, since annotation values must be. */
    private static final long ROUND_MS = 1_500;
    private static final long MEASURE_MS = QUICK ? 300 : ROUND_MS;
    /** The wall clock's one-by-one path must keep at least this share of the bare loop's samples per second (issue 9). */
    private static final double FLOOR_SHARE = 0.9;

    private MeasurementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "junit-perf measurement benchmark — %s, %d CPUs, JDK %s, load %s%n",
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        if (QUICK) {
            System.out.println("QUICK SMOKE MODE (-Dbench.quick=true): one short round; these figures are NOT results.");
        }
        System.out.println();
        overhead();
        System.out.println();
        accuracy();
        System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
    }

    /**
     * Print samples per second of each one-by-one path next to the bare loop. Rounds are interleaved and paired: in every
     * round each path runs right after a bare loop of its own, and its ratio is taken to that bare loop, so a machine
     * whose speed drifts over the minutes the benchmark takes moves both sides of every ratio alike; the ratio printed
     * is the median of the paired ratios.
     */
    private static void overhead() throws Exception {
        List<OneByOne> paths = new ArrayList<>();
        paths.add(new OneByOne("Perf.measure, one timing per invocation", true,
                () -> Perf.measure(ctx -> { }).batching(false).warmupMs(300).durationMs(MEASURE_MS).run().throughputPerSec()));
        paths.add(new OneByOne("@PerfTest (MethodHandle path), batching off", true, MeasurementBenchmark::annotatedPerSec));
        TimerCorrection[] timers = new TimerCorrection[3];
        List<PerfClock> clocks = List.of(PerfClock.WALL, PerfClock.CPU, PerfClock.WALL_MINUS_RUNQUEUE);
        for (int c = 0; c < clocks.size(); c++) {
            PerfClock clock = clocks.get(c);
            int index = c;
            paths.add(new OneByOne("  " + clock.configValue(), clock == PerfClock.WALL, () -> {
                PerfResult result = Perf.measure(ctx -> { }).clock(clock).batching(false).warmupMs(300).durationMs(MEASURE_MS).run();
                timers[index] = result.timerCorrection();
                return result.throughputPerSec();
            }));
        }
        double[] allBare = new double[ROUNDS * paths.size()];
        double[][] perSec = new double[paths.size()][ROUNDS];
        double[][] ratios = new double[paths.size()][ROUNDS];
        String[] unavailable = new String[paths.size()];
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < paths.size(); i++) {
                double bare = bareLoopPerSec();
                allBare[r * paths.size() + i] = bare;
                try {
                    perSec[i][r] = paths.get(i).samplesPerSec.get();
                } catch (Exception e) {
                    unavailable[i] = String.valueOf(e.getMessage());
                    continue;
                }
                ratios[i][r] = perSec[i][r] / bare;
            }
        }
        Stats bare = Stats.of(allBare);
        Stats batched = Stats.of(() -> Perf.measure(ctx -> { }).warmupMs(300).durationMs(MEASURE_MS).run().throughputPerSec());
        System.out.println("1. Samples per second on an empty body (median of " + ROUNDS + " rounds of " + MEASURE_MS + " ms, [min–max]); "
                + "ratio = median of each round's ratio to a bare loop run just before it");
        System.out.println("   bare loop: 2 × nanoTime + Histogram.recordValue        " + bare.format("/s")
                + String.format(Locale.ROOT, "   (%.1f ns per sample)", 1e9 / bare.median));
        for (int i = 0; i < 2; i++) {
            printPath(paths.get(i), perSec[i], ratios[i], unavailable[i]);
        }
        System.out.println("   Perf.measure, batching auto (invocations/s)        " + batched.format("/s"));
        System.out.println("     (an empty body inlines to nothing once it is a JIT constant: this line is loop cost only)");
        System.out.println("   Perf.measure(...).clock(c).batching(false), one timing per invocation, per clock:");
        for (int c = 0; c < clocks.size(); c++) {
            int i = 2 + c;
            printPath(paths.get(i), perSec[i], ratios[i], unavailable[i]);
            if (unavailable[i] == null && timers[c] != null) {
                System.out.printf(Locale.ROOT, "       calibration: %,d ns per empty timing subtracted (wall %,d ns), resolution %,d ns, "
                        + "%.1f ns per timing; measured here %.1f ns per sample%n", timers[c].judgedCostNanos(), timers[c].wallCostNanos(),
                        timers[c].resolutionNanos(), timers[c].perTimingNanos(), 1e9 / Stats.of(perSec[i]).median);
            }
        }
    }

    private static void printPath(OneByOne path, double[] perSec, double[] ratios, String unavailable) {
        if (unavailable != null) {
            System.out.printf(Locale.ROOT, "   %-52s n/a: %s%n", path.label, unavailable);
            return;
        }
        Stats ratio = Stats.of(ratios);
        String mark = path.judged
                ? String.format(Locale.ROOT, "   ≥ %.1f× floor: %s", FLOOR_SHARE, ratio.median >= FLOOR_SHARE ? "PASS" : "MISS")
                : path.label.startsWith("  ") ? "   (reads its own clock too, by design)" : "";
        System.out.printf(Locale.ROOT, "   %-52s %s   ratio %.2f [%.2f–%.2f]%s%n", path.label, Stats.of(perSec).format("/s"),
                ratio.median, ratio.min, ratio.max, mark);
    }

    /**
     * A one-by-one path of the benchmark: what it is, whether the floor criterion judges it, and one round of it.
     *
     * @param label the line's label
     * @param judged whether the ≥ 0.9× floor criterion applies
     * @param samplesPerSec one round's samples per second
     */
    private record OneByOne(String label, boolean judged, ThrowingDoubleSupplier samplesPerSec) {
    }

    private static double bareLoopPerSec() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long end = System.nanoTime() + MEASURE_MS * 1_000_000;
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
