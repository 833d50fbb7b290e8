package dev.junitperf.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.junitperf.bench.JmhComparisonBenchmark.ComparedBody;
import dev.junitperf.bench.JmhComparisonBenchmark.Row;

/**
 * Judge and print the JMH comparison: one line per body and junit-perf mode, then a summary and every round.
 *
 * <p>The criteria (issue 10): junit-perf's mean within 5 % of JMH AverageTime; its p50 within 10 % of
 * JMH SampleTime's p50 where SampleTime can resolve the body; an empty body reads at most 1 ns or is
 * reported as below the timer's resolution. All on the median of the rounds.
 *
 * <p>What SampleTime can resolve: SampleTime times every sampled call with two {@code nanoTime} reads,
 * so its p50 of the empty body, measured in the same run, is its own floor. A body counts as resolved
 * when its SampleTime p50 is at least 10 × that floor: the timer's share of the reading is then at most
 * 10 %, the size of the tolerance, so JMH's own bias cannot decide the verdict by itself. Unresolved rows
 * are marked {@code n/r} and not judged, but their ratio to SampleTime p50 minus the floor is printed beside
 * the plain ratio for every row, and the summary names every unresolved row that would miss against it.
 */
final class ComparisonTable {

    static final double MEAN_TOLERANCE = 0.05;
    static final double P50_TOLERANCE = 0.10;
    static final double RESOLVED_FACTOR = 10;
    static final double EMPTY_LIMIT_NANOS = 1;

    private static final String PASS = "PASS";
    private static final String MISS = "MISS";
    private static final String NOT_RESOLVED = "n/r";
    private static final String LINE = "%-12s %-12s %-11s %10s %7s %10s %7s %9s %-5s %10s %10s %10s %8s %10s %-5s %-24s %s%n";

    private ComparisonTable() {
    }

    static void print(List<Row> rows, int rounds) {
        double floor = rows.stream().filter(r -> r.body() == ComparedBody.EMPTY).findFirst()
                .orElseThrow(() -> new IllegalStateException("the empty body is SampleTime's floor and must be measured"))
                .jmh().sampleP50().median();
        header(rounds, floor, rows.get(0).rounds().get(0));
        List<Judged> judged = rows.stream().map(row -> judge(row, floor)).toList();
        System.out.printf(Locale.ROOT, LINE, "body", "mode", "batch", "jp mean", "jp ±", "JMH avgt", "JMH ±", "mean/avgt", "5 %", "jp p50",
                "JMH ST p50", "ST − F", "p50/ST", "p50/(ST−F)", "10 %", "empty body rule", "notes");
        for (Judged j : judged) {
            System.out.printf(Locale.ROOT, LINE, j.row.body().label, j.row.mode().label, batches(j.row), ns(j.mean),
                    percent(spread(j.row, PerfTestRound::meanNanos)), ns(j.avgt), percent(halfRange(j.row.jmh().averageTime())),
                    ratio(j.mean / j.avgt), j.meanMark, ns(j.p50), ns(j.sample), ns(j.net), ratio(j.p50 / j.sample), ratio(j.netRatio()),
                    j.p50Mark, j.emptyMark, flags(j.row));
        }
        System.out.println("jp ± and JMH ± = half the range of the rounds' means, as a share of their median: how far this run's rounds "
                + "of one tool moved on their own");
        System.out.println("notes: T = \"timer cost corrected\" (timer > 5 % of a timing), R = \"below the timer's resolution\", "
                + "W = \"not warmed up\", + = other; ×k = in k round(s); texts below");
        System.out.println();
        summary(judged);
        System.out.println();
        details(rows);
    }

    private static void header(int rounds, double floor, PerfTestRound timer) {
        System.out.printf(Locale.ROOT, "Median of %d round(s); all figures ns per invocation. Criteria: mean within ±%.0f %% of JMH AverageTime; "
                + "p50 within ±%.0f %% of JMH SampleTime p50%n", rounds, MEAN_TOLERANCE * 100, P50_TOLERANCE * 100);
        System.out.printf(Locale.ROOT, "  where SampleTime resolves the body; empty body ≤ %.0f ns (mean and p50) or flagged \"%s\" in every round.%n",
                EMPTY_LIMIT_NANOS, PerfTestRound.BELOW_RESOLUTION);
        System.out.printf(Locale.ROOT, "Resolvability rule: SampleTime's floor F = its p50 of the empty body in this run = %s ns. A body is resolved when%n"
                + "  its SampleTime p50 ≥ %.0f × F = %s ns (the timer is then ≤ %.0f %% of the reading, the tolerance); others are n/r, not judged.%n"
                + "  \"ST − F\" and \"p50/(ST−F)\" are printed for every row as information.%n",
                ns(floor), RESOLVED_FACTOR, ns(RESOLVED_FACTOR * floor), 100 / RESOLVED_FACTOR);
        System.out.printf(Locale.ROOT, "junit-perf timer (wall clock, calibrated once per JVM): %,d ns per empty timing subtracted, resolution %,d ns, "
                + "%.1f ns per timing with the record%n%n", timer.judgedCostNanos(), timer.resolutionNanos(), timer.perTimingNanos());
    }

    private static Judged judge(Row row, double floor) {
        double mean = median(row, PerfTestRound::meanNanos);
        double p50 = median(row, PerfTestRound::p50Nanos);
        double avgt = row.jmh().averageTime().median();
        double sample = row.jmh().sampleP50().median();
        String meanMark = within(mean / avgt, MEAN_TOLERANCE) ? PASS : MISS;
        boolean resolved = sample >= RESOLVED_FACTOR * floor;
        String p50Mark = !resolved ? NOT_RESOLVED : within(p50 / sample, P50_TOLERANCE) ? PASS : MISS;
        String emptyMark = row.body() == ComparedBody.EMPTY ? emptyRule(row, mean, p50) : "";
        return new Judged(row, mean, p50, avgt, sample, sample - floor, meanMark, p50Mark, emptyMark);
    }

    private static void summary(List<Judged> judged) {
        long meanPass = judged.stream().filter(j -> j.meanMark.equals(PASS)).count();
        long p50Judged = judged.stream().filter(j -> !j.p50Mark.equals(NOT_RESOLVED)).count();
        long p50Pass = judged.stream().filter(j -> j.p50Mark.equals(PASS)).count();
        long emptyRows = judged.stream().filter(j -> !j.emptyMark.isEmpty()).count();
        long emptyPass = judged.stream().filter(j -> j.emptyMark.startsWith(PASS)).count();
        System.out.printf(Locale.ROOT, "Summary: mean within %.0f %%: %d of %d PASS. p50 within %.0f %%: %d of %d resolved row(s) PASS, %d row(s) n/r. "
                + "Empty body rule: %d of %d PASS.%n", MEAN_TOLERANCE * 100, meanPass, judged.size(), P50_TOLERANCE * 100, p50Pass, p50Judged,
                judged.size() - p50Judged, emptyPass, emptyRows);
        System.out.println("  (the empty body's mean/avgt compares sub-nanosecond figures, below both tools' resolution; it is marked as measured)");
        System.out.println("Unresolved rows outside ±10 % of SampleTime p50 − F (not judged; listed so that no miss hides, with JMH's"
                + " AverageTime against the same figure, which shows whether subtracting F recovers the body at all):");
        List<Judged> hidden = judged.stream().filter(j -> j.p50Mark.equals(NOT_RESOLVED) && j.row.body() != ComparedBody.EMPTY
                && !within(j.netRatio(), P50_TOLERANCE)).toList();
        hidden.forEach(j -> System.out.printf(Locale.ROOT, "  %s %s: p50/(ST−F) = %s; JMH's own avgt/(ST−F) = %s%n", j.row.body().label,
                j.row.mode().label, ratio(j.netRatio()), ratio(j.net > 0 ? j.avgt / j.net : Double.NaN)));
        if (hidden.isEmpty()) {
            System.out.println("  none");
        }
        hostNoise(judged);
    }

    /**
     * Name the bodies whose verdicts this run cannot carry: where JMH's own rounds of the body, the reference, moved by
     * more than a criterion's tolerance (AverageTime for the mean, SampleTime's p50 for the p50). Their marks stand as
     * measured; this says only that on this run a round-to-round move of the reference alone was larger than the
     * difference the criterion looks for.
     */
    private static void hostNoise(List<Judged> judged) {
        if (judged.get(0).row.jmh().averageTime().rounds() < 2) {
            System.out.println("Host noise: not known from a single round (it is half the range of JMH's own rounds).");
            return;
        }
        List<ComparedBody> bodies = judged.stream().map(j -> j.row.body()).filter(b -> b != ComparedBody.EMPTY).distinct().toList();
        List<String> lines = new ArrayList<>();
        for (ComparedBody body : bodies) {
            JmhReference.Figures jmh = judged.stream().filter(j -> j.row.body() == body).findFirst().orElseThrow().row.jmh();
            List<String> moved = new ArrayList<>();
            if (halfRange(jmh.averageTime()) > MEAN_TOLERANCE) {
                moved.add(String.format(Locale.ROOT, "AverageTime %s–%s ns (±%s, beyond the mean's ±%.0f %%)", ns(jmh.averageTime().min()),
                        ns(jmh.averageTime().max()), percent(halfRange(jmh.averageTime())), MEAN_TOLERANCE * 100));
            }
            if (halfRange(jmh.sampleP50()) > P50_TOLERANCE) {
                moved.add(String.format(Locale.ROOT, "SampleTime p50 %s–%s ns (±%s, beyond the p50's ±%.0f %%)", ns(jmh.sampleP50().min()),
                        ns(jmh.sampleP50().max()), percent(halfRange(jmh.sampleP50())), P50_TOLERANCE * 100));
            }
            if (!moved.isEmpty()) {
                lines.add(String.format(Locale.ROOT, "  %s: JMH's %s over %d rounds", body.label, String.join("; ", moved),
                        jmh.averageTime().rounds()));
            }
        }
        System.out.printf(Locale.ROOT, "Host noise: JMH's own rounds moved by more than a criterion's tolerance on %d of %d non-empty bod%s%s%n",
                lines.size(), bodies.size(), bodies.size() == 1 ? "y" : "ies", lines.isEmpty()
                        ? ": every verdict above is within what this run can tell apart."
                        : "; those rows' verdicts stand as measured, but the reference alone moved more than the tolerance between rounds:");
        lines.forEach(System.out::println);
    }

    /** Half the range of a row's junit-perf rounds of a figure, as a share of their median. */
    private static double spread(Row row, ToDoubleFunction<PerfTestRound> figure) {
        return halfRange(Spread.of(row.rounds().stream().mapToDouble(figure).toArray()));
    }

    /** Half the range of the rounds, as a share of their median; 0 for a single round, NaN for a median of 0. */
    static double halfRange(Spread spread) {
        if (spread.rounds() < 2) {
            return 0;
        }
        return spread.median() > 0 ? (spread.max() - spread.min()) / 2 / spread.median() : Double.NaN;
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f %%", share * 100) : "—";
    }

    /** One row's medians and marks; {@code net} is SampleTime p50 minus the floor. */
    private record Judged(Row row, double mean, double p50, double avgt, double sample, double net, String meanMark,
                          String p50Mark, String emptyMark) {

        double netRatio() {
            return net > 0 ? p50 / net : Double.NaN;
        }
    }

    private static String emptyRule(Row row, double mean, double p50) {
        if (mean <= EMPTY_LIMIT_NANOS && p50 <= EMPTY_LIMIT_NANOS) {
            return PASS + " (≤ 1 ns)";
        }
        if (row.rounds().stream().allMatch(PerfTestRound::belowResolution)) {
            return PASS + " (flagged R)";
        }
        return MISS;
    }

    private static void details(List<Row> rows) {
        System.out.println("Every round (junit-perf: mean / p50 / batch / timings; JMH: one value per fork)");
        ComparedBody shown = null;
        for (Row row : rows) {
            if (row.body() != shown) {
                shown = row.body();
                System.out.printf(Locale.ROOT, "  %-12s JMH AverageTime %s; SampleTime p50 %s  (%s)%n", row.body().label,
                        values(row.jmh().averageTimeNanos()), values(row.jmh().sampleP50Nanos()), row.jmh().log());
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-12s", row.mode().label));
            for (int i = 0; i < row.rounds().size(); i++) {
                PerfTestRound r = row.rounds().get(i);
                line.append(String.format(Locale.ROOT, "  r%d: %s / %s / %,d / %,d", i + 1, ns(r.meanNanos()), ns(r.p50Nanos()),
                        r.batchSize(), r.timedSamples()));
            }
            System.out.println(line);
            Map<String, List<Integer>> notes = new LinkedHashMap<>();
            for (int i = 0; i < row.rounds().size(); i++) {
                for (String note : row.rounds().get(i).notes()) {
                    notes.computeIfAbsent(note, n -> new ArrayList<>()).add(i + 1);
                }
            }
            notes.forEach((note, in) -> System.out.printf(Locale.ROOT, "      note (r%s): %s%n",
                    in.stream().map(String::valueOf).collect(Collectors.joining(",r")), note));
        }
    }

    private static String flags(Row row) {
        int timer = 0;
        int resolution = 0;
        int cold = 0;
        int other = 0;
        for (PerfTestRound r : row.rounds()) {
            for (String note : r.notes()) {
                if (note.startsWith("timer cost corrected")) {
                    timer++;
                } else if (note.startsWith(PerfTestRound.BELOW_RESOLUTION)) {
                    resolution++;
                } else if (note.startsWith("not warmed up")) {
                    cold++;
                } else {
                    other++;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        appendFlag(s, "T", timer);
        appendFlag(s, "R", resolution);
        appendFlag(s, "W", cold);
        appendFlag(s, "+", other);
        return s.toString().trim();
    }

    private static void appendFlag(StringBuilder s, String flag, int count) {
        if (count > 0) {
            s.append(flag).append('×').append(count).append(' ');
        }
    }

    private static String batches(Row row) {
        return row.rounds().stream().map(r -> r.batchSize()).collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(b -> String.format(Locale.ROOT, "%,d", b)).collect(Collectors.joining("/"));
    }

    private static double median(Row row, ToDoubleFunction<PerfTestRound> figure) {
        return Spread.of(row.rounds().stream().mapToDouble(figure).toArray()).median();
    }

    private static boolean within(double ratio, double tolerance) {
        return Math.abs(ratio - 1) <= tolerance;
    }

    private static String values(double[] values) {
        List<String> shown = new ArrayList<>();
        for (double v : values) {
            shown.add(ns(v));
        }
        return String.join(", ", shown);
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.3f", r) : "—";
    }

    static String ns(double nanos) {
        double magnitude = Math.abs(nanos);
        if (magnitude < 10) {
            return String.format(Locale.ROOT, "%.2f", nanos);
        }
        if (magnitude < 1_000) {
            return String.format(Locale.ROOT, "%.1f", nanos);
        }
        return String.format(Locale.ROOT, "%,.0f", nanos);
    }
}
