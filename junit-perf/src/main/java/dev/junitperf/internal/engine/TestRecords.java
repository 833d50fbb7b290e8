package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.apiguardian.api.API;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.MemoryResult;
import dev.junitperf.NoiseReading;
import dev.junitperf.PerfResult;
import dev.junitperf.TimerCorrection;
import dev.junitperf.internal.baseline.BaselineDiff;
import dev.junitperf.internal.measurement.ExecutionProfile;
import dev.junitperf.internal.measurement.FlightRecording;
import dev.junitperf.internal.results.HistogramCodec;
import dev.junitperf.internal.results.Profile;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.verdict.RelativeComparison;

/** Turn a judged test into the record the results file holds. */
@API(status = INTERNAL, since = "0.1")
public final class TestRecords {

    private static final String MEMORY_PHASE = "measured (warmup excluded: C2 escape analysis changes allocation once compiled)";

    private TestRecords() {
    }

    /**
     * Return the results-file record of a judged test of the run {@code runId}: the deciding run at the top level,
     * every run under {@code runs}, and the profile of a recorded breach with its recording's path relative to
     * {@code reportDir}.
     */
    public static ResultsFile.Test of(JudgedTest test, String runId, Path reportDir) {
        JudgedRun deciding = test.decidingRun();
        Map<String, Number> slo = new LinkedHashMap<>(test.slo().asMap());
        slo.putAll(test.memoryBudget().asMap());
        slo.put("scale", test.slo().scale());
        List<ResultsFile.RunEntry> runs = test.runs().stream()
                .map(r -> new ResultsFile.RunEntry(r.judgement().verdict(), run(r))).toList();
        PerfResult result = deciding.result();
        return new ResultsFile.Test(test.uniqueId(), test.className(), test.methodName(), test.displayName(), test.mode(),
                test.verdict(), run(deciding), slo, runs, deciding.baseline().map(TestRecords::baseline).orElse(null),
                deciding.relative().map(TestRecords::relative).orElse(null), HistogramCodec.encode(result.histogram()),
                result.wallLatency().map(w -> HistogramCodec.encode(w.histogram())).orElse(null), test.displayPath(),
                runId, Instant.now().toString(), test.recording().flatMap(r -> profile(r, reportDir)).orElse(null));
    }

    private static ResultsFile.Run run(JudgedRun run) {
        PerfResult r = run.result();
        return new ResultsFile.Run(r.clock().configValue(), r.invocations(), r.latency().samples(), r.errors(),
                r.errorRate(), r.threads(), r.batchSize(), r.ratePerSec(), r.warmupInvocations(),
                r.duration().toNanos() / 1e6, r.throughputPerSec(), latency(r.latency()), intervals(r.latency()),
                r.wallLatency().map(TestRecords::latency).orElse(null),
                r.uncorrectedLatency().map(TestRecords::latency).orElse(null), r.stopReason().name(), r.stopDetail(),
                noise(r.noise()), timer(r.timerCorrection()), r.notes(),
                run.judgement().breaches().stream()
                        .map(b -> new ResultsFile.BreachLine(b.objective(), b.budget(), b.actual(), b.message())).toList(),
                run.judgement().inconclusive(), r.firstError().map(String::valueOf).orElse(null), memory(r.memory()),
                LoadRecords.phases(run.load()), LoadRecords.timeline(run.load()));
    }

    private static Optional<Profile> profile(JudgedTest.Recording recording, Path reportDir) {
        String file = reportDir.toAbsolutePath().relativize(recording.file().toAbsolutePath()).toString().replace('\\', '/');
        return recording.profile().map(p -> new Profile(file, FlightRecording.SAMPLING_PERIOD.toNanos() / 1e6, p.samples(),
                p.bodySamples(), frame(p.root()), p.hottest().stream()
                        .map(h -> new Profile.SelfTime(h.frame(), h.samples())).toList()));
    }

    private static Profile.Frame frame(ExecutionProfile.Node node) {
        return new Profile.Frame(node.frame(), node.samples(), node.self(),
                node.children().stream().map(TestRecords::frame).toList());
    }

    static ResultsFile.Latency latency(LatencyDistribution l) {
        return new ResultsFile.Latency(l.minMs(), l.meanMs(), l.percentileMs(50), l.percentileMs(90), l.percentileMs(99),
                l.percentileMs(99.9), l.maxMs());
    }

    private static ResultsFile.Intervals intervals(LatencyDistribution l) {
        return new ResultsFile.Intervals(bounds(l, 50), bounds(l, 90), bounds(l, 99), bounds(l, 99.9));
    }

    private static ResultsFile.Bounds bounds(LatencyDistribution l, double percentile) {
        var e = l.estimate(percentile);
        return new ResultsFile.Bounds(e.lowerMs(), e.upperMs(), e.supported());
    }

    private static ResultsFile.Noise noise(NoiseReading n) {
        return new ResultsFile.Noise(boxed(n.cpuWaitShare()), boxed(n.involuntaryContextSwitches()), boxed(n.stealShare()),
                n.level(), n.notes());
    }

    private static ResultsFile.Timer timer(TimerCorrection t) {
        return new ResultsFile.Timer(t.judgedCostNanos(), t.wallCostNanos(), t.resolutionNanos(), t.perTimingNanos(),
                t.loopNanosPerInvocation());
    }

    private static ResultsFile.Memory memory(MemoryResult m) {
        return new ResultsFile.Memory(MEMORY_PHASE, m.operations(), boxed(m.allocatedBytesPerOp()),
                boxed(m.allocatedBytesPerOpMeasuringThreads()), boxed(m.allocatedBytesOtherThreads()),
                m.otherThreadsIncludeEnded(), boxed(m.retainedBytes()), boxed(m.retainedBytesPerOp()), m.gcCount(),
                m.gcTimeMs(), m.notes());
    }

    private static ResultsFile.BaselineComparison baseline(BaselineDiff diff) {
        return new ResultsFile.BaselineComparison(diff.status(), diff.warnPct(), diff.failPct(), diff.changes().stream()
                .map(c -> new ResultsFile.Change(c.figure(), c.baselineMs(), c.changePct(),
                        List.of(c.lowerPct(), c.upperPct()), c.status().name())).toList());
    }

    private static ResultsFile.Relative relative(RelativeComparison rel) {
        return new ResultsFile.Relative(rel.reference(), rel.byFactor(), rel.ratio(), List.of(rel.lower(), rel.upper()),
                rel.p50Ms(), rel.referenceP50Ms());
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
