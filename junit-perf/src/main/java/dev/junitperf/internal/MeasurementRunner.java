package dev.junitperf.internal;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.junitperf.MemoryResult;

/**
 * Run warmup and measurement of one body on {@code threads} worker threads and merge the results.
 *
 * <p>Design notes: every measurement runs on fresh platform worker threads, even with one thread,
 * so a timeout can always stop it and a hung body never blocks the test thread. Workers warm up
 * together, then meet at a barrier whose action picks the batch size and the common start time, so
 * all threads start measuring together. Each worker records into its own histogram; they are merged
 * after the workers have been joined. On timeout the runner sets the stop flag, interrupts and joins
 * the workers, and names any that did not stop.
 */
public final class MeasurementRunner {

    /** Upper bound on invocations per timing. */
    static final int MAX_BATCH = 1_000;
    /** Timing may cost at most 1/20 of the measured time. */
    private static final int OVERHEAD_FACTOR = 20;
    /** Batching never leaves fewer timings than p99.9 needs (2,995), so no percentile loses its support. */
    private static final long MIN_TIMINGS_WHEN_BATCHING = 2_995;
    private static final long JOIN_GRACE_MILLIS = 2_000;
    private static volatile long sink;

    private MeasurementRunner() {
    }

    /** Create the {@code ()void} handle one thread invokes, bound to that thread's context. */
    @FunctionalInterface
    public interface BodyFactory {
        MethodHandle create(SamplingContext context) throws Throwable;
    }

    /**
     * Warm up, measure and merge.
     *
     * @param settings resolved settings
     * @param factory creates each thread's body
     * @param threadName prefix of the worker thread names
     */
    public static RunResult run(PerfSettings settings, BodyFactory factory, String threadName)
            throws Throwable {
        int threads = settings.threads();
        StopSignal stop = new StopSignal();
        Sampler[] samplers = new Sampler[threads];
        SamplingContext[] contexts = new SamplingContext[threads];
        for (int i = 0; i < threads; i++) {
            contexts[i] = new SamplingContext(i, threads);
            samplers[i] = new Sampler(factory.create(contexts[i]), contexts[i], stop, settings.openLoop());
        }
        long timerCost = TimerCost.nanosPerTiming();
        boolean countAllocations = AllocationCounters.supported();
        OtherThreadAllocations others = new OtherThreadAllocations();
        RetainedHeap retained = settings.retainedHeap() ? RetainedHeap.before() : RetainedHeap.notMeasured();
        Histogram[] calibration = new Histogram[threads];
        Schedule schedule = new Schedule();
        CyclicBarrier measureGate = new CyclicBarrier(threads,
                () -> {
                    schedule.plan(settings, calibration, timerCost);
                    if (countAllocations) {
                        others.start();
                    }
                });
        CountDownLatch done = new CountDownLatch(threads);
        Throwable[] crashes = new Throwable[threads];
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            calibration[i] = Sampler.newHistogram();
            Thread worker = new Thread(() -> {
                try {
                    Sampler s = samplers[index];
                    // Each worker starts its own warmup clock: on a loaded machine starting a thread can take
                    // longer than the whole warmup, which would leave no calibration at all.
                    s.warmup(settings.warmupIterations(), System.nanoTime() + settings.warmupNanos(), calibration[index]);
                    measureGate.await();
                    long allocatedBefore = countAllocations ? AllocationCounters.currentThread() : 0;
                    measure(s, settings, schedule, index);
                    s.allocatedBytes = countAllocations ? AllocationCounters.currentThread() - allocatedBefore : -1;
                } catch (BrokenBarrierException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    crashes[index] = t;
                    stop.stop();
                    measureGate.reset();
                } finally {
                    done.countDown();
                }
            }, threadName + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        boolean finished = done.await(settings.timeoutNanos(), TimeUnit.NANOSECONDS);
        long gcCount = GcControl.collectionCount() - schedule.gcCountStart;
        long gcTimeMs = GcControl.collectionTimeMs() - schedule.gcTimeStartMs;
        List<String> stuck = finished ? List.of() : stopWorkers(stop, workers);
        for (Thread worker : workers) {
            worker.join(JOIN_GRACE_MILLIS);
        }
        long measuringBytes = 0;
        Set<Long> workerIds = new HashSet<>();
        for (int i = 0; i < threads; i++) {
            measuringBytes += samplers[i].allocatedBytes;
            workerIds.add(workers.get(i).getId());
        }
        if (countAllocations && schedule.planned) {
            others.end(workerIds, Thread.currentThread().getId(), measuringBytes);
        }
        retained.after();
        for (Throwable crash : crashes) {
            if (crash != null) {
                throw crash;
            }
        }
        MemoryResult memory = memory(samplers, countAllocations && schedule.planned, measuringBytes, others, retained,
                gcCount, gcTimeMs);
        return merge(samplers, contexts, schedule, !finished, stuck, memory);
    }

    private static void measure(Sampler s, PerfSettings settings, Schedule schedule, int index) {
        int threads = settings.threads();
        long share = settings.fixedCount()
                ? settings.iterations() / threads + (index < settings.iterations() % threads ? 1 : 0)
                : 0;
        if (settings.openLoop()) {
            double periodNanos = threads * 1e9 / settings.ratePerSec();
            long first = schedule.startNanos + (long) (index * 1e9 / settings.ratePerSec());
            s.measureOpenLoop(share, schedule.deadlineNanos, first, periodNanos);
        } else if (settings.fixedCount()) {
            s.measureCount(share, schedule.batchSize);
        } else {
            s.measureUntil(schedule.deadlineNanos, schedule.batchSize);
        }
    }

    private static List<String> stopWorkers(StopSignal stop, List<Thread> workers) throws InterruptedException {
        stop.stop();
        workers.forEach(Thread::interrupt);
        List<String> stuck = new ArrayList<>();
        for (Thread worker : workers) {
            worker.join(JOIN_GRACE_MILLIS);
            if (worker.isAlive()) {
                stuck.add(worker.getName());
            }
        }
        return stuck;
    }

    private static MemoryResult memory(Sampler[] samplers, boolean counted, long measuringBytes,
                                       OtherThreadAllocations others, RetainedHeap retained, long gcCount, long gcTimeMs) {
        long operations = 0;
        for (Sampler s : samplers) {
            operations += s.invocations + s.errors;
        }
        List<String> notes = new ArrayList<>(retained.notes());
        if (!counted) {
            notes.add("allocation was not counted: this JVM has no per-thread allocation counters");
        } else if (!others.includesEnded()) {
            notes.add("threads that started and ended during the measurement are not counted (needs JDK 21+)");
        }
        return new MemoryResult(operations, counted ? OptionalLong.of(measuringBytes) : OptionalLong.empty(),
                counted && others.bytes() >= 0 ? OptionalLong.of(others.bytes()) : OptionalLong.empty(),
                others.includesEnded(), retained.bytes(), OptionalDouble.empty(), Math.max(0, gcCount), Math.max(0, gcTimeMs), notes);
    }

    private static RunResult merge(Sampler[] samplers, SamplingContext[] contexts, Schedule schedule,
                                   boolean timedOut, List<String> stuck, MemoryResult memory) {
        Histogram latency = Sampler.newHistogram();
        Histogram uncorrected = samplers[0].uncorrected == null ? null : Sampler.newHistogram();
        long invocations = 0;
        long timings = 0;
        long errors = 0;
        long warmup = 0;
        long end = schedule.startNanos;
        long digest = 0;
        Throwable firstError = null;
        Throwable abort = null;
        for (int i = 0; i < samplers.length; i++) {
            Sampler s = samplers[i];
            latency.add(s.latency);
            if (uncorrected != null) {
                uncorrected.add(s.uncorrected);
            }
            invocations += s.invocations;
            timings += s.timings;
            errors += s.errors;
            warmup += s.warmupInvocations;
            end = Math.max(end, s.endNanos);
            firstError = firstError != null ? firstError : s.firstError;
            abort = abort != null ? abort : s.abort;
            digest ^= contexts[i].sinkDigest();
        }
        sink = digest;
        long measured = schedule.planned ? end - schedule.startNanos : 0;
        return new RunResult(latency, Optional.ofNullable(uncorrected), invocations, timings, errors,
                Optional.ofNullable(firstError), measured, schedule.batchSize, warmup, Optional.ofNullable(abort),
                timedOut, List.copyOf(stuck), memory);
    }

    /** Return the folded sink values of the last run; reading it keeps sunk values observable. */
    public static long lastSinkDigest() {
        return sink;
    }

    /** The plan made at the measurement barrier; published to the workers by the barrier. */
    private static final class Schedule {
        boolean planned;
        int batchSize = 1;
        long gcCountStart;
        long gcTimeStartMs;
        long startNanos;
        long deadlineNanos;

        void plan(PerfSettings settings, Histogram[] calibration, long timerCost) {
            batchSize = batchSize(settings, calibration, timerCost);
            gcCountStart = GcControl.collectionCount();
            gcTimeStartMs = GcControl.collectionTimeMs();
            startNanos = System.nanoTime();
            deadlineNanos = settings.fixedCount() ? Long.MAX_VALUE : startNanos + settings.durationNanos();
            planned = true;
        }

        private static int batchSize(PerfSettings settings, Histogram[] calibration, long timerCost) {
            if (!settings.batching() || settings.openLoop()) {
                return 1;
            }
            Histogram merged = calibration[0];
            for (int i = 1; i < calibration.length; i++) {
                merged.add(calibration[i]);
            }
            if (merged.getTotalCount() == 0) {
                return 1;
            }
            long bodyNanos = Math.max(1, merged.getValueAtPercentile(50) - timerCost);
            if (bodyNanos >= OVERHEAD_FACTOR * timerCost) {
                return 1;
            }
            long batch = Math.min(MAX_BATCH, (OVERHEAD_FACTOR * timerCost + bodyNanos - 1) / bodyNanos);
            if (settings.fixedCount()) {
                batch = Math.min(batch, settings.iterations() / MIN_TIMINGS_WHEN_BATCHING);
            }
            return (int) Math.max(1, batch);
        }
    }
}
