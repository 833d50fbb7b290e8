package dev.junitperf.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import dev.junitperf.LatencyDistribution;
import dev.junitperf.MemoryProfile;
import dev.junitperf.MemoryResult;
import dev.junitperf.PerfResult;
import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.measurement.Measurement;

/** Turn the engine's raw {@link Measurement} into the public {@link PerfResult}, and say why a run timed out. */
final class Results {

    private Results() {
    }

    /** Return the public figures of a raw measurement. */
    static PerfResult of(String name, Measurement run, PerfSettings settings) {
        return new PerfResult(name, run.clock(), new LatencyDistribution(run.latency(), run.timings(), run.meanNanos()),
                run.wallLatency().map(h -> new LatencyDistribution(h, run.timings(), run.wallMeanNanos())),
                run.uncorrected().map(h -> new LatencyDistribution(h, h.getTotalCount())), run.invocations(), run.errors(),
                run.firstError(), settings.threads(), run.batchSize(), settings.ratePerSec(), Duration.ofNanos(run.measuredNanos()),
                run.warmupInvocations(), run.memory(), run.noise(), run.stopReason(), run.stopDetail(), run.timer(), run.notes());
    }

    /** Return memory figures with the leak check's fitted slope, or a note why it has none. */
    static MemoryResult withLeakCheck(MemoryResult memory, MemoryProfile profile) {
        List<String> notes = new ArrayList<>(memory.notes());
        profile.inconclusive().ifPresent(r -> notes.add("leak check: " + r));
        notes.addAll(profile.warnings());
        OptionalDouble slope = profile.conclusive() ? OptionalDouble.of(profile.retainedBytesPerOp()) : OptionalDouble.empty();
        return new MemoryResult(memory.operations(), memory.allocatedBytesMeasuringThreads(), memory.allocatedBytesOtherThreads(),
                memory.otherThreadsIncludeEnded(), memory.retainedBytes(), slope, memory.gcCount(), memory.gcTimeMs(), notes);
    }

    /** Say that and how a measurement timed out, for both entry points. */
    static String timeoutMessage(String source, String name, PerfSettings settings, Measurement run) {
        String threads = run.stuckThreads().isEmpty() ? "all worker threads stopped"
                : run.stuckThreads().size() + " worker thread(s) did not stop: " + String.join(", ", run.stuckThreads());
        return String.format(Locale.ROOT,
                "%s timed out in %s after %,d ms (timeoutMs = %,d): %,d invocations measured before stopping; %s. "
                        + "Raise `timeoutMs` or measure less.",
                source, name, TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos()),
                TimeUnit.NANOSECONDS.toMillis(settings.timeoutNanos()), run.invocations(), threads);
    }
}
