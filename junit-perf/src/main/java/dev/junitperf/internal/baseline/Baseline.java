package dev.junitperf.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apiguardian.api.API;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.PerfClock;
import dev.junitperf.internal.config.ConfigErrors;
import dev.junitperf.internal.config.Configuration;
import dev.junitperf.internal.results.HistogramCodec;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.results.ResultsStore;

/**
 * Hold a previous run's results, keyed by test identity (JUnit's unique id), to compare against.
 *
 * <p>A file that is missing, unreadable, not JSON, of another schema or with a corrupt histogram is
 * rejected when it is loaded, before any warmup, with a message that names the file and the parameter,
 * never silently ignored. A test is compared on the clock it is judged on now: the baseline's judged
 * figures if it used the same clock, its wall figures for the wall clock, else not at all.
 */
@API(status = INTERNAL, since = "0.1")
public final class Baseline {

    private final Path file;
    private final Map<String, ResultsFile.Test> tests;

    private Baseline(Path file, Map<String, ResultsFile.Test> tests) {
        this.file = file;
        this.tests = tests;
    }

    /** Load a {@code results.json} written by junit-perf. */
    public static Baseline load(Path file) {
        ResultsFile results;
        try {
            results = ResultsStore.read(file);
        } catch (IOException | RuntimeException e) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, which cannot be read as "
                    + "junit-perf results: %s. Point it at a results.json written by junit-perf, or remove it",
                    Configuration.BASELINE, file, e.getMessage()));
        }
        String schema = results == null || results.schema() == null ? "none" : results.schema();
        if (!ResultsFile.READABLE_SCHEMAS.contains(schema)) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose schema is '%s', not one of %s: "
                    + "re-create the baseline from a results.json of this junit-perf version", Configuration.BASELINE,
                    file, schema, ResultsFile.READABLE_SCHEMAS));
        }
        Map<String, ResultsFile.Test> byId = new HashMap<>();
        results.tests().forEach(t -> byId.put(t.id(), t));
        validateHistograms(file, byId);
        return new Baseline(file, byId);
    }

    /**
     * Return the baseline's latency distribution of a test on {@code clock}, if the baseline has that test
     * measured on that clock (or, for the wall clock, with wall figures recorded beside another clock).
     */
    public Optional<LatencyDistribution> latency(String testId, PerfClock clock) {
        ResultsFile.Test t = tests.get(testId);
        if (t == null) {
            return Optional.empty();
        }
        boolean judged = t.run().clock().equals(clock.configValue());
        String histogram = judged ? t.histogram() : clock == PerfClock.WALL ? t.wallHistogram() : null;
        ResultsFile.Latency figures = judged ? t.run().latencyMs() : t.run().wallLatencyMs();
        if (histogram == null || figures == null) {
            return Optional.empty();
        }
        long samples = t.run().timedSamples() > 0 ? t.run().timedSamples() : t.run().samples();
        // The recorded mean is exact; the histogram's is built from whole nanoseconds.
        return Optional.of(new LatencyDistribution(HistogramCodec.decode(histogram), samples, figures.mean() * 1e6));
    }

    /** Return the clock the baseline measured a test on, when the baseline has the test but not on {@code clock}. */
    public Optional<String> otherClock(String testId, PerfClock clock) {
        ResultsFile.Test t = tests.get(testId);
        if (t == null || latency(testId, clock).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(t.run().clock());
    }

    private static void validateHistograms(Path file, Map<String, ResultsFile.Test> tests) {
        tests.forEach((id, t) -> {
            validate(file, id, "histogram", t.histogram());
            validate(file, id, "wallHistogram", t.wallHistogram());
        });
    }

    private static void validate(Path file, String id, String field, String histogram) {
        if (histogram == null) {
            return;
        }
        try {
            HistogramCodec.decode(histogram);
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.misuse(String.format("Configuration parameter `%s` names %s, whose %s for %s is "
                    + "corrupt (%s): re-create the baseline", Configuration.BASELINE, file, field, id, e.getMessage()));
        }
    }

    /** Return the ids of baseline tests, to report those the current run no longer has. */
    public Set<String> testIds() {
        return tests.keySet();
    }

    /** Return the display name recorded for a baseline test. */
    public String describe(String testId) {
        ResultsFile.Test t = tests.get(testId);
        return t == null ? testId : t.testName();
    }

    public Path file() {
        return file;
    }
}
