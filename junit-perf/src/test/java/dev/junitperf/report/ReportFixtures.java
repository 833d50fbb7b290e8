package dev.junitperf.report;

import java.nio.file.Path;
import java.util.List;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.junitperf.Breach;
import dev.junitperf.Perf;
import dev.junitperf.PerfClock;
import dev.junitperf.PerfResult;
import dev.junitperf.Verdict;
import dev.junitperf.internal.Judgement;
import dev.junitperf.internal.MemorySpec;
import dev.junitperf.internal.SloSpec;

/** Build aggregated results from real measurements, as the extension writes them at the end of a run. */
final class ReportFixtures {

    static final String CLASS = "com.example.ReportedTest";
    static final String BREACH = "p99 = 9.00 ms > budget 5.00 ms";
    private static final SloSpec SLO = new SloSpec(Double.NaN, Double.NaN, 5.0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, 1.0);

    private ReportFixtures() {
    }

    /** Measure a short body 500 times and report it as passing. */
    static TestOutcome passing(String method) {
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), closedLoop());
    }

    /** Measure a short body 500 times and report it as failing its p99 budget. */
    static TestOutcome failed(String method) {
        Breach breach = new Breach("p99", 5.0, 9.0, BREACH);
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.FAILED, List.of(breach), closedLoop());
    }

    /** Measure a short body at a fixed arrival rate, so the result holds corrected and uncorrected latency. */
    static TestOutcome openLoop(String method) {
        PerfResult result = Perf.measure(ctx -> ctx.sink(Math.sqrt(ctx.invocation()))).warmupMs(0).iterations(500)
                .ratePerSec(20_000).run();
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), result);
    }

    /** Measure a short body on the CPU clock, so the result holds wall figures beside the judged ones. */
    static TestOutcome onCpuClock(String method) {
        PerfResult result = Perf.measure(ctx -> ctx.sink(Math.sqrt(ctx.invocation()))).warmupMs(0).iterations(500)
                .clock(PerfClock.CPU).run();
        return outcome(method, method + "()", "[method:" + method + "()]", Verdict.PASSED, List.of(), result);
    }

    /** Report invocation {@code index} of a sweep under {@code displayName}. */
    static TestOutcome invocation(String method, int index, String displayName) {
        return outcome(method, displayName, "[test-template:" + method + "(int)]/[test-template-invocation:#" + index + "]",
                Verdict.PASSED, List.of(), closedLoop());
    }

    /** Write every outcome, rebuild the aggregate (which renders the reports) and return it. */
    static JsonNode aggregate(Path dir, TestOutcome... outcomes) {
        JsonResultsWriter writer = new JsonResultsWriter(dir);
        for (TestOutcome o : outcomes) {
            writer.writeTest(o);
        }
        return writer.read(writer.writeAggregate(EnvironmentInfo.current()));
    }

    /** Copy the first test of {@code results} {@code count} times, each with a histogram of {@code samples} values. */
    static ObjectNode scaledUp(JsonNode results, int count, long samples) {
        ObjectNode copy = results.deepCopy();
        ArrayNode tests = copy.putArray("tests");
        for (int i = 0; i < count; i++) {
            ObjectNode t = results.get("tests").get(0).deepCopy();
            t.put("id", t.get("id").asText() + "/" + i);
            t.put("displayName", "case " + i);
            t.put("histogram", JsonResultsWriter.encode(histogram(samples, 1_000 + 37L * i)));
            tests.add(t);
        }
        return copy;
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

    private static TestOutcome outcome(String method, String displayName, String idSuffix, Verdict verdict,
                                       List<Breach> breaches, PerfResult result) {
        return new TestOutcome("[engine:junit-jupiter]/[class:" + CLASS + "]/" + idSuffix, CLASS, method, displayName,
                "enforce", verdict, SLO, new MemorySpec(-1, -1, -1),
                List.of(new TestOutcome.Run(result, new Judgement(verdict, breaches, List.of()))));
    }
}
