package dev.junitperf.bench;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import com.github.noconnor.junitperf.data.EvaluationContext;
import com.github.noconnor.junitperf.reporting.providers.HtmlReportGenerator;

import dev.junitperf.internal.report.HtmlReportWriter;

/**
 * Sections 3 and 4: heap retained after ten million samples, and the time to produce each tool's HTML report.
 *
 * <p>Retained heap is the used heap after two {@code System.gc()} calls minus the same figure taken just before
 * the run. It is read three times: while the benchmark still references the run (the test kit's results plus the
 * tool's own result object: junit-perf's parsed {@code results.json}, noconnor's evaluated context and so its
 * statistics calculator); after the benchmark dropped those references; and, for noconnor, after its static
 * per-test map is cleared as well.
 */
final class HeapAndReports {

    private static final int RENDER_REPEATS = 5;
    private static final double MIB = 1024.0 * 1024.0;

    private HeapAndReports() {
    }

    /** Measure both tools; {@code nestedContext} is a context of a nested noconnor fixture, to check its HTML report. */
    static void run(EvaluationContext nestedContext) throws IOException {
        String nestedHtml = nestedClassReport(nestedContext);
        NoconnorStaticState.clear();
        Row junitPerf = junitPerf();
        Row noconnor = noconnor();
        System.out.printf(Locale.ROOT, "3. Retained heap after %,d invocations of an empty body, 1 thread, one timing per invocation%n"
                + "   (Δ used heap after 2 × System.gc(), against just before the run; junit-perf batching off)%n",
                JunitPerfTestCases.MANY_ITERATIONS);
        System.out.printf(Locale.ROOT, "   %-12s %-13s %-15s %-24s %-22s %s%n", "tool", "invocations", "engine wall",
                "while results referenced", "after refs dropped", "after tool's statics cleared");
        for (Row row : List.of(junitPerf, noconnor)) {
            System.out.printf(Locale.ROOT, "   %-12s %,-13d %-15s %-24s %-22s %s%n", row.tool, row.invocations,
                    String.format(Locale.ROOT, "%.2f s", row.wallNanos / 1e9), mib(row.heldBytes), mib(row.droppedBytes),
                    row.clearedBytes == Long.MIN_VALUE ? "— (no static state)" : mib(row.clearedBytes));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "4. Report of the %,d-invocation run (HTML render median of %d [min–max])%n",
                JunitPerfTestCases.MANY_ITERATIONS, RENDER_REPEATS);
        System.out.printf(Locale.ROOT, "   %-12s %-30s %-28s %-12s %s%n", "tool", "end-of-run statistics", "HTML render", "HTML size", "other output");
        for (Row row : List.of(junitPerf, noconnor)) {
            System.out.printf(Locale.ROOT, "   %-12s %-30s %-28s %-12s %s%n", row.tool, row.statistics,
                    row.render.format("%,.1f") + " ms", kib(row.htmlBytes), row.otherOutput);
        }
        System.out.println("   noconnor HTML report of a test in a nested class: " + nestedHtml);
    }

    private static String nestedClassReport(EvaluationContext context) throws IOException {
        Path file = Files.createTempDirectory("peer-bench-noconnor-nested").resolve("report.html");
        try {
            new HtmlReportGenerator(file.toString()).generateReport(new LinkedHashSet<>(List.of(context)));
            return "written, " + kib(Files.size(file));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "fails with " + e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName() + ": "
                    + root.getMessage() + " (group name " + context.getGroupName() + ")";
        }
    }

    private static Row junitPerf() throws IOException {
        long before = UsedHeapAfterGc.usedAfterFullGc();
        JunitPerfDriver.Run run = JunitPerfDriver.run(JunitPerfTestCases.TenMillionInvocations.class, false);
        long held = UsedHeapAfterGc.usedAfterFullGc() - before;
        Reference.reachabilityFence(run);
        double[] renders = new double[RENDER_REPEATS];
        int htmlBytes = 0;
        for (int i = 0; i < RENDER_REPEATS; i++) {
            long t0 = System.nanoTime();
            String html = HtmlReportWriter.render(run.results());
            renders[i] = (System.nanoTime() - t0) / 1e6;
            htmlBytes = html.getBytes(StandardCharsets.UTF_8).length;
        }
        Path dir = run.reportDir();
        String other = String.format(Locale.ROOT, "report.html on disk %s, results.json %s", kib(Files.size(dir.resolve("report.html"))),
                kib(Files.size(dir.resolve("results.json"))));
        long invocations = run.samples();
        long wall = run.wallNanos();
        // Drop the benchmark's own references so the next reading shows what the tool alone keeps.
        run = null;
        long dropped = UsedHeapAfterGc.usedAfterFullGc() - before;
        return new Row("junit-perf", invocations, wall, held, dropped, Long.MIN_VALUE,
                "HdrHistogram, inside engine run", Spread.of(renders), htmlBytes, other);
    }

    private static Row noconnor() throws IOException {
        long before = UsedHeapAfterGc.usedAfterFullGc();
        NoconnorDriver.Run run = NoconnorDriver.run(NoconnorManyInvocationsTestCases.class);
        long held = UsedHeapAfterGc.usedAfterFullGc() - before;
        Reference.reachabilityFence(run);
        Path file = Files.createTempDirectory("peer-bench-noconnor").resolve("report.html");
        LinkedHashSet<EvaluationContext> contexts = new LinkedHashSet<>(List.of(run.context()));
        double[] renders = new double[RENDER_REPEATS];
        for (int i = 0; i < RENDER_REPEATS; i++) {
            HtmlReportGenerator generator = new HtmlReportGenerator(file.toString());
            long t0 = System.nanoTime();
            generator.generateReport(contexts);
            renders[i] = (System.nanoTime() - t0) / 1e6;
        }
        String statistics = String.format(Locale.ROOT, "%,.0f ms (101 percentiles)", run.statisticsNanos() / 1e6);
        long invocations = run.samples();
        long wall = run.wallNanos();
        // Drop the benchmark's own references so the next reading shows what the tool alone keeps.
        run = null;
        contexts = null;
        long dropped = UsedHeapAfterGc.usedAfterFullGc() - before;
        int heldTests = NoconnorStaticState.heldTests();
        NoconnorStaticState.clear();
        long cleared = UsedHeapAfterGc.usedAfterFullGc() - before;
        return new Row("noconnor", invocations, wall, held, dropped, cleared, statistics, Spread.of(renders),
                Files.size(file), "static map still held " + heldTests + " test(s) after the run");
    }

    private static String mib(long bytes) {
        if (Math.abs(bytes) < MIB) {
            return String.format(Locale.ROOT, "%+,.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%+,.1f MiB", bytes / MIB);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024.0);
    }

    private record Row(String tool, long invocations, long wallNanos, long heldBytes, long droppedBytes, long clearedBytes,
            String statistics, Spread render, long htmlBytes, String otherOutput) {
    }
}
