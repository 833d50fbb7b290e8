package dev.junitperf.internal.results;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY;
import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.junitperf.Verdict;

/**
 * The results file, typed: what the extension writes and what every reader (baselines, reports, the
 * console summary, the tests) reads. The record components are the schema: their names are the JSON
 * field names, in the order written, so the format is stated here and nowhere else. (That is why this
 * file is longer than the others: one schema, documented where it is declared, beats a file per record.)
 *
 * <p>Conventions: a figure the run does not have is {@code null} ({@link Double} / {@link Long}
 * components) and written as JSON {@code null}; an optional part (wall figures, an open loop's
 * uncorrected figures, a baseline comparison) is left out. Lists are never {@code null}.
 *
 * @param schema {@link #SCHEMA} when written by this version
 * @param generatedAt when the aggregate was written (ISO-8601)
 * @param run the test run this file describes
 * @param environment the JVM and machine
 * @param tests every test of the run
 * @param earlierResults per-test files in the report directory that earlier runs left, not counted in {@code tests}
 * @param unreadableTestFiles per-test files that could not be read, with the reason
 * @param baseline the baseline the run was compared with
 */
@API(status = INTERNAL, since = "0.1")
public record ResultsFile(
        String schema,
        String generatedAt,
        @JsonInclude(NON_NULL) RunIdentity run,
        EnvironmentInfo environment,
        List<Test> tests,
        @JsonInclude(NON_EMPTY) List<EarlierResult> earlierResults,
        @JsonInclude(NON_EMPTY) List<String> unreadableTestFiles,
        @JsonInclude(NON_NULL) BaselineInfo baseline) {

    /** The schema identifier written into every results file. */
    public static final String SCHEMA = "junit-perf/2";
    /** The schemas a baseline may have: {@code junit-perf/1} files predate clocks and are read as wall-clock results. */
    public static final List<String> READABLE_SCHEMAS = List.of("junit-perf/1", SCHEMA);

    public ResultsFile {
        tests = listOf(tests);
        earlierResults = listOf(earlierResults);
        unreadableTestFiles = listOf(unreadableTestFiles);
    }

    /** Return the tests, failed first, then inconclusive, then passed; by class and name within each. */
    public List<Test> testsWorstFirst() {
        return tests.stream().sorted(Comparator.comparingInt((Test t) -> rank(t.verdict()))
                .thenComparing(Test::className).thenComparing(Test::displayName)).toList();
    }

    /** Return how many tests had this verdict. */
    public long count(Verdict verdict) {
        return tests.stream().filter(t -> t.verdict() == verdict).count();
    }

    /** Rank verdicts for reading: a failure first, then what could not be judged, then passes. */
    public static int rank(Verdict verdict) {
        return switch (verdict) {
            case FAILED -> 0;
            case INCONCLUSIVE -> 1;
            case PASSED -> 2;
        };
    }

    /**
     * One test: its identity, its verdict, the deciding run's figures at the top level and every run.
     *
     * @param id JUnit's unique id, the identity baselines are matched on
     * @param className the test class
     * @param method the test method
     * @param displayName for sweeps the invocation's name
     * @param mode the {@code junitperf.mode} it ran in
     * @param verdict the judged verdict
     * @param run the deciding (last) run's figures, written at the top level
     * @param slo the objectives and memory budgets that applied, and the scale
     * @param runs every measurement: the first and the re-measurements
     * @param baseline the comparison with the baseline, when there is one
     * @param relative the ratio to a reference method, with {@code @Slo(fasterThan)}
     * @param histogram the deciding run's latency histogram on the judged clock, base64 ({@link HistogramCodec})
     * @param wallHistogram the wall-clock histogram when the judged clock is not the wall clock
     * @param displayPath JUnit's display names from the outermost class down to this test (for a sweep: the class,
     *        the method, the invocation), e.g. {@code ["SweepTests", "Sorting", "sort(int)", "n = 100"]}
     * @param runId the {@linkplain RunIdentity#id() test run} that wrote this result
     * @param finishedAt when the result was written (ISO-8601)
     * @param profile with {@code junitperf.jfr=on-breach}, where a breached test's re-run spent its time
     */
    public record Test(
            String id,
            @JsonProperty("class") String className,
            String method,
            String displayName,
            String mode,
            Verdict verdict,
            @JsonUnwrapped Run run,
            Map<String, Number> slo,
            List<RunEntry> runs,
            @JsonInclude(NON_NULL) BaselineComparison baseline,
            @JsonInclude(NON_NULL) Relative relative,
            String histogram,
            @JsonInclude(NON_NULL) String wallHistogram,
            @JsonInclude(NON_EMPTY) List<String> displayPath,
            @JsonInclude(NON_NULL) String runId,
            @JsonInclude(NON_NULL) String finishedAt,
            @JsonInclude(NON_NULL) Profile profile) {

        /** Separates the display names of a test's path, e.g. {@code SweepTests › Sorting › sort(int) › n = 100}. */
        public static final String PATH_SEPARATOR = " › ";

        public Test {
            slo = slo == null ? Map.of() : slo;
            runs = listOf(runs);
            displayPath = listOf(displayPath);
        }

        /**
         * Return the name JUnit shows a person: the display names from the class down to the test, e.g.
         * {@code DiscoverySloTests › findByCapability(int, PerfContext) › agents = 1000}. Files without a display
         * path (written before it was recorded) give the class's simple name and the display name.
         */
        public String testName() {
            return displayPath.isEmpty()
                    ? className.substring(className.lastIndexOf('.') + 1).replace("$", PATH_SEPARATOR) + PATH_SEPARATOR
                    + displayName
                    : String.join(PATH_SEPARATOR, displayPath);
        }

        /** Decode {@link #histogram()}. */
        public Histogram latencyHistogram() {
            return HistogramCodec.decode(histogram);
        }

        /** Return the budget of an objective, e.g. {@code p99Ms}, if the test had one. */
        public Optional<Double> budget(String objective) {
            return Optional.ofNullable(slo.get(objective)).map(Number::doubleValue);
        }
    }

    /**
     * One run of a test with its verdict.
     *
     * @param verdict the verdict of this run alone
     * @param run its figures
     */
    public record RunEntry(Verdict verdict, @JsonUnwrapped Run run) {
    }

    /**
     * The figures of one run.
     *
     * @param clock the judged clock's configuration name: {@code wall}, {@code cpu}, {@code wall-minus-runqueue}
     * @param samples successful measured invocations
     * @param timedSamples independent timings (fewer than samples when batched)
     * @param errors failed invocations
     * @param errorRate their fraction
     * @param threads measuring threads
     * @param batchSize invocations per timing
     * @param ratePerSec the open-loop rate, 0 for a closed loop
     * @param warmupInvocations invocations during warmup, over all threads
     * @param durationMs wall time of the measured phase
     * @param throughputPerSec successful invocations per second
     * @param latencyMs the latency figures on the judged clock
     * @param latencyCi95Ms the 95 % bounds of each reported percentile
     * @param wallLatencyMs the wall-clock figures when the judged clock is not the wall clock
     * @param uncorrectedLatencyMs open loop only: latency from the actual rather than the intended start
     * @param stopReason why the measured phase ended ({@code StopReason})
     * @param stopDetail a sentence saying so
     * @param noise how busy the machine was
     * @param timer what was subtracted from every timing
     * @param notes caveats a reader of the figures must know
     * @param breaches every objective breached
     * @param inconclusive why an objective could not be judged
     * @param firstError the first exception, when an invocation failed
     * @param memory allocation and retained heap
     * @param phases a load profile's phases with their figures ({@link LoadResults.Phase}); empty without a profile
     * @param timeline latency over time ({@link LoadResults.Timeline}): every open loop, closed loops on request
     */
    public record Run(
            String clock,
            long samples,
            long timedSamples,
            long errors,
            double errorRate,
            int threads,
            int batchSize,
            double ratePerSec,
            long warmupInvocations,
            double durationMs,
            double throughputPerSec,
            Latency latencyMs,
            Intervals latencyCi95Ms,
            @JsonInclude(NON_NULL) Latency wallLatencyMs,
            @JsonInclude(NON_NULL) Latency uncorrectedLatencyMs,
            String stopReason,
            String stopDetail,
            Noise noise,
            Timer timer,
            List<String> notes,
            List<BreachLine> breaches,
            List<String> inconclusive,
            @JsonInclude(NON_NULL) String firstError,
            Memory memory,
            @JsonInclude(NON_EMPTY) List<LoadResults.Phase> phases,
            @JsonInclude(NON_NULL) LoadResults.Timeline timeline) {

        public Run {
            clock = clock == null ? "wall" : clock;
            notes = listOf(notes);
            breaches = listOf(breaches);
            inconclusive = listOf(inconclusive);
            phases = listOf(phases);
        }

        /** Build the figures of a run without phases or latency over time. */
        public Run(String clock, long samples, long timedSamples, long errors, double errorRate, int threads, int batchSize,
                   double ratePerSec, long warmupInvocations, double durationMs, double throughputPerSec, Latency latencyMs,
                   Intervals latencyCi95Ms, Latency wallLatencyMs, Latency uncorrectedLatencyMs, String stopReason,
                   String stopDetail, Noise noise, Timer timer, List<String> notes, List<BreachLine> breaches,
                   List<String> inconclusive, String firstError, Memory memory) {
            this(clock, samples, timedSamples, errors, errorRate, threads, batchSize, ratePerSec, warmupInvocations, durationMs,
                    throughputPerSec, latencyMs, latencyCi95Ms, wallLatencyMs, uncorrectedLatencyMs, stopReason, stopDetail,
                    noise, timer, notes, breaches, inconclusive, firstError, memory, List.of(), null);
        }

        /** Return the wall-clock figures: {@link #wallLatencyMs()} when judged on another clock, else the judged ones. */
        @JsonIgnore
        public Latency wallClock() {
            return wallLatencyMs != null ? wallLatencyMs : latencyMs;
        }

        /** Return whether the judged clock is the wall clock. */
        @JsonIgnore
        public boolean onWallClock() {
            return "wall".equals(clock);
        }
    }

    /**
     * Latency figures in milliseconds.
     *
     * @param min the smallest
     * @param mean the exact mean (not read from the histogram)
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     * @param p999 the 99.9th percentile
     * @param max the largest
     */
    public record Latency(double min, double mean, double p50, double p90, double p99, double p999, double max) {

        /** Return one of {@code Percentiles.REPORTED}. */
        public double percentile(double percentile) {
            if (percentile == 50) {
                return p50;
            } else if (percentile == 90) {
                return p90;
            } else if (percentile == 99) {
                return p99;
            } else if (percentile == 99.9) {
                return p999;
            }
            throw new IllegalArgumentException("not a reported percentile: " + percentile);
        }
    }

    /**
     * The 95 % confidence bounds of each reported percentile.
     *
     * @param p50 of the median
     * @param p90 of the 90th percentile
     * @param p99 of the 99th percentile
     * @param p999 of the 99.9th percentile
     */
    public record Intervals(Bounds p50, Bounds p90, Bounds p99, Bounds p999) {
    }

    /**
     * A 95 % confidence interval in milliseconds.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param supported whether the sample count supports a 95 % bound at this percentile
     */
    public record Bounds(double lower, double upper, boolean supported) {
    }

    /**
     * How busy the machine was while the run measured ({@code NoiseReading}).
     *
     * @param cpuWaitShare the measuring threads' share of wall time spent waiting for a CPU
     * @param involuntaryContextSwitches how often they were preempted
     * @param stealShare the machine's CPU time the hypervisor gave to other guests
     * @param level wait plus steal, compared with {@code junitperf.noise.threshold}
     * @param notes why a figure is missing
     */
    public record Noise(Double cpuWaitShare, Long involuntaryContextSwitches, Double stealShare, double level,
                        List<String> notes) {

        public Noise {
            notes = listOf(notes);
        }
    }

    /**
     * What was subtracted from every timing ({@code TimerCorrection}).
     *
     * @param judgedCostNanos on the judged clock
     * @param wallCostNanos on the wall clock
     * @param resolutionNanos the smallest difference the clock tells apart
     * @param perTimingNanos the timed loop's cost per timing
     * @param loopNanosPerInvocation the timed loop's cost per invocation
     */
    public record Timer(long judgedCostNanos, long wallCostNanos, long resolutionNanos, double perTimingNanos,
                        double loopNanosPerInvocation) {
    }

    /**
     * A breached objective.
     *
     * @param objective e.g. {@code p99}, {@code throughput}, {@code allocatedBytesPerOp}
     * @param budget its budget
     * @param actual the measured figure
     * @param message the sentence the failure says
     */
    public record BreachLine(String objective, double budget, double actual, String message) {
    }

    /**
     * Allocation and retained heap of the measured phase (see docs/memory.md).
     *
     * @param phase which phase was counted
     * @param operations invocations counted
     * @param allocatedBytesPerOp bytes allocated per invocation, all threads
     * @param allocatedBytesPerOpMeasuringThreads by the measuring threads alone
     * @param allocatedBytesOtherThreads by other threads, in total
     * @param otherThreadsIncludeEnded whether threads that ended during the phase were counted
     * @param retainedBytes heap still reachable after the phase, with a retained-heap budget
     * @param retainedBytesPerOp the same per invocation
     * @param gcCount collections during the phase
     * @param gcTimeMs their time
     * @param notes caveats
     */
    public record Memory(
            String phase,
            long operations,
            Double allocatedBytesPerOp,
            Double allocatedBytesPerOpMeasuringThreads,
            Long allocatedBytesOtherThreads,
            boolean otherThreadsIncludeEnded,
            Long retainedBytes,
            Double retainedBytesPerOp,
            long gcCount,
            long gcTimeMs,
            List<String> notes) {

        public Memory {
            notes = listOf(notes);
        }
    }

    /**
     * The comparison of a test with its baseline (see docs/baselines.md).
     *
     * @param status the worst status of the compared figures, or {@code NEW} / {@code CLOCK_CHANGED}
     * @param warnPct the change that warns
     * @param failPct the change that fails
     * @param changes one per compared figure
     */
    public record BaselineComparison(String status, double warnPct, double failPct, List<Change> changes) {

        public BaselineComparison {
            changes = listOf(changes);
        }

        /** Return the change of one figure ({@code p50}, {@code p99}, {@code mean}), if it was compared. */
        public Optional<Change> change(String figure) {
            return changes.stream().filter(c -> c.figure().equals(figure)).findFirst();
        }
    }

    /**
     * The change of one figure against the baseline.
     *
     * @param figure {@code p50}, {@code p99} or {@code mean}
     * @param baselineMs the baseline's figure
     * @param changePct the change in percent
     * @param changeCi95Pct its 95 % interval, {@code [lower, upper]}
     * @param status {@code OK}, {@code WARN} or {@code FAIL}
     */
    public record Change(String figure, double baselineMs, double changePct, List<Double> changeCi95Pct, String status) {
    }

    /**
     * The ratio of a test to its reference method (see docs/relative-objectives.md).
     *
     * @param reference the reference method
     * @param byFactor the factor the test must be faster by
     * @param ratio reference p50 over this p50
     * @param ratioCi95 its 95 % interval, {@code [lower, upper]}
     * @param p50Ms this test's median
     * @param referenceP50Ms the reference's median
     */
    public record Relative(String reference, double byFactor, double ratio, List<Double> ratioCi95, double p50Ms,
                           double referenceP50Ms) {
    }

    /**
     * A result an earlier run left in the report directory: shown as such, never counted as part of this run.
     *
     * @param id its JUnit unique id
     * @param test its name ({@link Test#testName()})
     * @param verdict its verdict then
     * @param runId the run that wrote it, {@code null} for files written before runs were recorded
     * @param finishedAt when it was written (ISO-8601), the file's modification time for such files
     */
    public record EarlierResult(String id, String test, Verdict verdict, String runId, String finishedAt) {
    }

    /**
     * The baseline a run was compared with.
     *
     * @param file the baseline file
     * @param missingFromRun its tests this run did not have (renamed or deleted)
     */
    public record BaselineInfo(String file, List<MissingTest> missingFromRun) {

        public BaselineInfo {
            missingFromRun = listOf(missingFromRun);
        }
    }

    /**
     * A test of the baseline that this run did not have.
     *
     * @param id its JUnit unique id
     * @param test its class and display name, as the baseline recorded them
     */
    public record MissingTest(String id, String test) {
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
