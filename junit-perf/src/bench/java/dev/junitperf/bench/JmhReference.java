package dev.junitperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measure one method of {@link JmhBodies} with JMH, in AverageTime and SampleTime, and keep every fork's score.
 *
 * <p>Each fork is one round: a fresh JVM with the benchmark JVM's heap flags, its own warmup and
 * measurement iterations. JMH's own report of each body goes to a log file, so that the benchmark's
 * output stays one table.
 */
final class JmhReference {

    /** Heap flags of every fork: the same as the JVM the {@code @PerfTest} side runs in (see the bench profile). */
    static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g"};

    private JmhReference() {
    }

    /**
     * How JMH runs each body.
     *
     * @param forks forks per mode, one round each
     * @param warmupIterations warmup iterations per fork
     * @param warmupMs length of each warmup iteration
     * @param measurementIterations measured iterations per fork
     * @param measurementMs length of each measured iteration
     * @param logDir where JMH's own output goes, one file per body
     */
    record Plan(int forks, int warmupIterations, long warmupMs, int measurementIterations, long measurementMs, Path logDir) {

        String describe() {
            return String.format(Locale.ROOT, "%d fork(s) per mode and round, each %d × %,d ms warmup + %d × %,d ms measured",
                    forks, warmupIterations, warmupMs, measurementIterations, measurementMs);
        }
    }

    /**
     * One body's JMH scores, one value per fork.
     *
     * @param averageTimeNanos AverageTime score of each fork, ns/op
     * @param sampleP50Nanos SampleTime p50 of each fork, ns/op
     * @param log JMH's own output for this body
     */
    record Figures(double[] averageTimeNanos, double[] sampleP50Nanos, Path log) {

        /** Join the figures of several runs, in order; the log named is the last run's (the others lie beside it). */
        static Figures concat(List<Figures> runs) {
            return new Figures(runs.stream().flatMapToDouble(f -> Arrays.stream(f.averageTimeNanos())).toArray(),
                    runs.stream().flatMapToDouble(f -> Arrays.stream(f.sampleP50Nanos())).toArray(),
                    runs.get(runs.size() - 1).log());
        }

        Spread averageTime() {
            return Spread.of(averageTimeNanos);
        }

        Spread sampleP50() {
            return Spread.of(sampleP50Nanos);
        }
    }

    /** Run {@code JmhBodies.<method>} in both modes, as round {@code round} (which names the log file). */
    static Figures measure(String method, Plan plan, int round) throws Exception {
        Files.createDirectories(plan.logDir());
        Path log = plan.logDir().resolve(method + "-round" + round + ".log");
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(JmhBodies.class.getName() + "." + method) + "$")
                .mode(Mode.AverageTime)
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .threads(1)
                .forks(plan.forks())
                .warmupIterations(plan.warmupIterations())
                .warmupTime(TimeValue.milliseconds(plan.warmupMs()))
                .measurementIterations(plan.measurementIterations())
                .measurementTime(TimeValue.milliseconds(plan.measurementMs()))
                .jvmArgs(FORK_JVM_ARGS)
                .shouldFailOnError(true)
                .output(log.toString())
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        List<Double> average = new ArrayList<>();
        List<Double> sampleP50 = new ArrayList<>();
        for (RunResult run : runs) {
            Mode mode = run.getParams().getMode();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                if (mode == Mode.AverageTime) {
                    average.add(fork.getPrimaryResult().getScore());
                } else if (mode == Mode.SampleTime) {
                    sampleP50.add(fork.getPrimaryResult().getStatistics().getPercentile(50));
                }
            }
        }
        if (average.size() != plan.forks() || sampleP50.size() != plan.forks()) {
            throw new IllegalStateException("JMH returned " + average.size() + " AverageTime and " + sampleP50.size()
                    + " SampleTime fork(s) for " + method + ", expected " + plan.forks() + " of each; see " + log);
        }
        return new Figures(toArray(average), toArray(sampleP50), log);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
