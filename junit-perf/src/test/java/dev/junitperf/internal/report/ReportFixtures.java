package dev.junitperf.internal.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;

import dev.junitperf.Breach;
import dev.junitperf.Perf;
import dev.junitperf.PerfClock;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.config.MemorySpec;
import dev.junitperf.internal.config.SloSpec;
import dev.junitperf.internal.engine.JudgedRun;
import dev.junitperf.internal.engine.JudgedTest;
import dev.junitperf.internal.engine.TestRecords;
import dev.junitperf.internal.results.EnvironmentInfo;
import dev.junitperf.internal.results.HistogramCodec;
import dev.junitperf.internal.results.Profile;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;
import dev.junitperf.internal.results.RunIdentity;
import dev.junitperf.internal.verdict.Judgement;

/** Build aggregated results from real measurements, as the extension writes them at the end of a run. */
final class ReportFixtures {

    static final String CLASS = "com.example.ReportedTest";
    static final String BREACH = "p99 = 9.00 ms > budget 5.00 ms";
    static final RunIdentity RUN = new RunIdentity("run-of-the-fixtures", null, "ReportFixtures");
    private static final SloSpec SLO = new SloSpec(Double.NaN, Double.NaN, 5.0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, 1.0);

    private ReportFixtures() {
    }

    /** Measure a short body 500 times and report it as passing. */
    static JudgedTest passing(String method) {
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), closedLoop());
    }

    /** Measure a short body 500 times and report it as failing its p99 budget. */
    static JudgedTest failed(String method) {
        Breach breach = new Breach("p99", 5.0, 9.0, BREACH);
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.FAILED, List.of(breach), closedLoop());
    }

    /** Measure a short body at a fixed arrival rate, so the result holds corrected and uncorrected latency. */
    static JudgedTest openLoop(String method) {
        PerfResult result = Perf.measure(ctx -> ctx.sink(Math.sqrt(ctx.invocation()))).warmupMs(0).iterations(500)
                .ratePerSec(20_000).run();
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), result);
    }

    /** Measure a short body on the CPU clock, so the result holds wall figures beside the judged ones. */
    static JudgedTest onCpuClock(String method) {
        PerfResult result = Perf.measure(ctx -> ctx.sink(Math.sqrt(ctx.invocation()))).warmupMs(0).iterations(500)
                .clock(PerfClock.CPU).run();
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), result);
    }

    /** Report invocation {@code index} of a sweep under {@code displayName}. */
    static JudgedTest invocation(String method, int index, String displayName) {
        return outcome(List.of("ReportedTest", method + "(int)", displayName), method, displayName,
                "[test-template:" + method + "(int)]/[test-template-invocation:#" + index + "]", Verdict.PASSED, List.of(),
                closedLoop());
    }

    /** Write every outcome, rebuild the aggregate, render the reports from it and return it. */
    static ResultsFile aggregate(Path dir, JudgedTest... outcomes) {
        ResultsStore store = new ResultsStore(dir);
        for (JudgedTest o : outcomes) {
            store.writeTest(TestRecords.of(o, RUN.id(), dir));
        }
        ResultsFile results = store.writeAggregate(EnvironmentInfo.current(), RUN, Optional.empty());
        ReportWriters.writeAll(dir, results);
        return results;
    }

    /** Copy the first test of {@code results} {@code count} times, each with a histogram of {@code samples} values. */
    static ResultsFile scaledUp(ResultsFile results, int count, long samples) {
        ResultsFile.Test t = results.tests().get(0);
        List<ResultsFile.Test> tests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tests.add(new ResultsFile.Test(t.id() + "/" + i, t.className(), t.method(), "case " + i, t.mode(), t.verdict(),
                    t.run(), t.slo(), t.runs(), t.baseline(), t.relative(),
                    HistogramCodec.encode(histogram(samples, 1_000 + 37L * i)), t.wallHistogram(),
                    List.of("ReportedTest", "case " + i), t.runId(), t.finishedAt(), t.profile()));
        }
        return withTests(results, tests);
    }

    /** Return {@code results} holding {@code tests} instead of its own. */
    static ResultsFile withTests(ResultsFile results, List<ResultsFile.Test> tests) {
        return new ResultsFile(results.schema(), results.generatedAt(), results.run(), results.environment(), tests,
                results.earlierResults(), results.unreadableTestFiles(), results.baseline());
    }

    /** Return {@code test} as compared with a baseline. */
    static ResultsFile.Test withBaseline(ResultsFile.Test t, ResultsFile.BaselineComparison baseline) {
        return new ResultsFile.Test(t.id(), t.className(), t.method(), t.displayName(), t.mode(), t.verdict(), t.run(),
                t.slo(), t.runs(), baseline, t.relative(), t.histogram(), t.wallHistogram(), t.displayPath(), t.runId(),
                t.finishedAt(), t.profile());
    }

    /** Return {@code test} with other objectives. */
    static ResultsFile.Test withSlo(ResultsFile.Test t, Map<String, Number> slo) {
        return new ResultsFile.Test(t.id(), t.className(), t.method(), t.displayName(), t.mode(), t.verdict(), t.run(), slo,
                t.runs(), t.baseline(), t.relative(), t.histogram(), t.wallHistogram(), t.displayPath(), t.runId(), t.finishedAt(),
                t.profile());
    }

    /** Return {@code test} under another identity: unique id, class and display path. */
    static ResultsFile.Test renamed(ResultsFile.Test t, String id, String className, List<String> displayPath) {
        return new ResultsFile.Test(id, className, t.method(), displayPath.get(displayPath.size() - 1), t.mode(), t.verdict(),
                t.run(), t.slo(), t.runs(), t.baseline(), t.relative(), t.histogram(), t.wallHistogram(), displayPath, t.runId(),
                t.finishedAt(), t.profile());
    }

    /** Return {@code test} with {@code profile}, as a breach recorded with {@code junitperf.jfr=on-breach}. */
    static ResultsFile.Test profiled(ResultsFile.Test t, Profile profile) {
        return new ResultsFile.Test(t.id(), t.className(), t.method(), t.displayName(), t.mode(), t.verdict(), t.run(), t.slo(),
                t.runs(), t.baseline(), t.relative(), t.histogram(), t.wallHistogram(), t.displayPath(), t.runId(),
                t.finishedAt(), profile);
    }

    /**
     * Build a profile of {@code samples} samples whose tree is {@code fanOut} frames wide at each of {@code depth}
     * levels under the test method, the hot frame {@code com.example.Spin.hotLoop} on top of the first branch.
     */
    static Profile profile(long samples, int fanOut, int depth) {
        Profile.Frame branch = new Profile.Frame("com.example.Spin.hotLoop", samples / 2, samples / 2, List.of());
        for (int level = depth; level > 0; level--) {
            List<Profile.Frame> children = new ArrayList<>();
            children.add(branch);
            long rest = samples / 2 / fanOut;
            for (int i = 1; i < fanOut; i++) {
                children.add(new Profile.Frame("com.example.deep.package.name.Worker" + level + ".step" + i, rest, rest, List.of()));
            }
            branch = new Profile.Frame("com.example.Spin.level" + level, children.stream().mapToLong(Profile.Frame::samples).sum(),
                    0, children);
        }
        Profile.Frame root = new Profile.Frame("all samples", branch.samples(), 0, List.of(branch));
        return new Profile("jfr/Spin.spin().jfr", 1, root.samples(), root.samples(), root,
                List.of(new Profile.SelfTime("com.example.Spin.hotLoop", samples / 2)));
    }

    /** Build a histogram of {@code samples} values over four decades above {@code fastestNanos}, in 1,000 recordings. */
    static Histogram histogram(long samples, long fastestNanos) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        int distinct = 1_000;
        for (int i = 0; i < distinct; i++) {
            long value = (long) (fastestNanos * Math.pow(10, 4.0 * i / distinct));
            h.recordValueWithCount(value, samples / distinct + (i < samples % distinct ? 1 : 0));
        }
        return h;
    }

    private static PerfResult closedLoop() {
        return Perf.measure(ctx -> ctx.sink(Math.sqrt(ctx.invocation()))).warmupMs(0).iterations(500).run();
    }

    private static JudgedTest outcome(String method, String displayName, String idSuffix, Verdict verdict,
                                       List<Breach> breaches, PerfResult result) {
        return outcome(List.of("ReportedTest", displayName), method, displayName, idSuffix, verdict, breaches, result);
    }

    private static JudgedTest outcome(List<String> displayPath, String method, String displayName, String idSuffix,
                                      Verdict verdict, List<Breach> breaches, PerfResult result) {
        return new JudgedTest("[engine:junit-jupiter]/[class:" + CLASS + "]/" + idSuffix, CLASS, method, displayName,
                displayPath, "enforce", verdict, SLO, new MemorySpec(-1, -1, -1),
                List.of(new JudgedRun(result, new Judgement(verdict, breaches, List.of()))), Optional.empty());
    }
}
