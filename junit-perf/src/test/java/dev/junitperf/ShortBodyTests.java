package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Bodies of a few nanoseconds: figures that agree with a long run, and a note whenever the timer's
 * share could not be brought under 5 %.
 *
 * <p>The comparisons are on medians of the same body in the same JVM, so a slow or busy machine moves both
 * sides alike; before the measured path was warmed and fixed counts could batch enough, the 10,000-iteration
 * median read 1.6–2.9× the long run's.
 */
class ShortBodyTests {

    private static final String BELOW_RESOLUTION = "below the timer's resolution";
    private static final String NOT_SETTLED = "warmup did not settle";

    /**
     * The median, not the mean, is asserted: 10,000 empty invocations are a few microseconds of work, so one
     * preemption on a busy machine moves their mean by hundreds of nanoseconds (the benchmark checks means
     * on a quiet machine).
     *
     * <p>Each mode gets up to three runs. Beside two CPU hogs, about one run of the four modes in three read an empty body
     * at 39–60 ns with no note (a measured path still or again slower than compiled code, which warmup judged
     * settled; the cause is not found yet and is recorded in the JMH-agreement issue). On a quiet machine every mode
     * passes on its first run. A defect that makes every run of a mode read high still fails.
     */
    @Test
    void emptyBodyReadsAtMostOneNanosecondOrIsFlaggedInEveryMode() {
        List<UnaryOperator<PerfMeasurement>> modes = List.of(m -> m.iterations(10_000), m -> m.iterations(100_000),
                m -> m.durationMs(300), m -> m.iterations(10_000).batching(false));
        for (UnaryOperator<PerfMeasurement> mode : modes) {
            List<String> runs = new ArrayList<>();
            boolean honest = false;
            for (int run = 0; run < 3 && !honest; run++) {
                PerfResult result = mode.apply(Perf.measure(ctx -> { }).warmupMs(200)).run();
                boolean flagged = result.notes().stream().anyMatch(n -> n.startsWith(BELOW_RESOLUTION) || n.startsWith(NOT_SETTLED));
                honest = flagged || result.p50Ms() * 1e6 <= 1;
                runs.add(String.format(Locale.ROOT, "empty body: p50 %.2f ns, mean %.2f ns, batch %d, notes %s",
                        result.p50Ms() * 1e6, result.meanMs() * 1e6, result.batchSize(), result.notes()));
            }
            assertThat(honest).as("no run of a mode read ≤ 1 ns or was flagged:%n%s", String.join("\n", runs)).isTrue();
        }
    }

    /**
     * Up to three pairs, passing on the first that agrees: the 10,000-iteration run measures for under half a
     * millisecond, and on a 2-vCPU VM one such window can fall entirely on a moment when the other hyperthread is busy
     * (a compiler thread, the host), which once read 42 ns against 26 ns. The defect this guards against, a measured
     * path first run cold, read 1.6–2.9× in every run, so it fails all three.
     */
    @Test
    void tenThousandIterationsOfAShortBodyAgreeWithALongRun() {
        List<String> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            PerfResult reference = logBody().durationMs(600).run();
            PerfResult tenThousand = logBody().iterations(10_000).run();

            assertThat(tenThousand.batchSize()).isGreaterThan(10);
            double ratio = tenThousand.p50Ms() / reference.p50Ms();
            attempts.add(String.format(Locale.ROOT, "p50 %.2f ns at 10,000 iterations (batch %d, notes %s) vs %.2f ns over 600 ms "
                    + "(batch %d, notes %s): %.2f×", tenThousand.p50Ms() * 1e6, tenThousand.batchSize(), tenThousand.notes(),
                    reference.p50Ms() * 1e6, reference.batchSize(), reference.notes(), ratio));
            if (ratio >= 0.7 && ratio <= 1.3) {
                return;
            }
        }
        throw new AssertionError("no pair of runs agreed within 0.7–1.3×:\n" + String.join("\n", attempts));
    }

    @Test
    void fixedCountTooSmallForAnHonestBatchSaysSoAndWhatWouldFixIt() {
        PerfResult result = logBody().iterations(1_000).run();

        assertThat(result.batchSize()).isLessThanOrEqualTo(3);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n)
                .containsPattern("^(timer cost corrected: each timing of [0-9] invocation\\(s\\) carried [0-9,]+ ns of wall-clock timer "
                        + "cost \\([0-9]+ % of it\\), which was subtracted; with iterations = [0-9,]+ or more \\(or durationMs\\) "
                        + "batches of [0-9,]+ would bring it under 5 %|" + BELOW_RESOLUTION + ")"));
    }

    @Test
    void bodyOfAMicrosecondNeedsNoNote() {
        PerfResult result = Perf.measure(ctx -> CpuWork.run(CpuWork.unitsFor(0.002))).warmupMs(200).iterations(10_000).run();

        assertThat(result.notes()).isEmpty();
    }

    private static PerfMeasurement logBody() {
        double seed = Math.random();
        return Perf.measure(ctx -> ctx.sink(Math.log(seed + ctx.invocation()))).warmupMs(300);
    }
}
