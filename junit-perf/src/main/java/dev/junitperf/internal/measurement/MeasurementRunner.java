package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.apiguardian.api.API;

import dev.junitperf.internal.config.PerfSettings;
import dev.junitperf.internal.memory.AllocationCounters;
import dev.junitperf.internal.memory.GcControl;
import dev.junitperf.internal.memory.OtherThreadAllocations;
import dev.junitperf.internal.memory.RetainedHeap;

/**
 * Run warmup and measurement of one body on {@code threads} worker threads and merge the results.
 *
 * <p>Design notes: every measurement runs on fresh platform worker threads, even with one thread,
 * so a timeout can always stop it and a hung body never blocks the test thread. Each worker warms up
 * on the measured path, settling its batch size; then all meet at the measure gate, whose action picks
 * the common batch and the common start time. A time-based run meets again at every checkpoint of its
 * {@link StoppingRule}, whose action decides whether to stop; what the workers allocate while they wait
 * there is excluded from their allocation figures. Each worker records into its own histograms; they are
 * merged after the workers have been joined ({@link RunMerger}). On timeout the runner sets the stop flag,
 * interrupts the workers and gives all of them one common grace period, then names those that did not stop.
 */
@API(status = INTERNAL, since = "0.1")
public final class MeasurementRunner {

    private static final long JOIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private MeasurementRunner() {
    }

    /** Create the {@code ()void} handle one thread invokes, bound to that thread's context. */
    @FunctionalInterface
    public interface BodyFactory {
        MethodHandle create(SamplingContext context) throws Throwable;
    }

    /** Warm up, measure for the planned time or count, and merge; see {@link #run(PerfSettings, StoppingRule, BodyFactory, String, String)}. */
    public static Measurement run(PerfSettings settings, BodyFactory factory, String threadName) throws Throwable {
        return run(settings, StoppingRule.fixed(), factory, threadName, threadName);
    }

    /**
     * Warm up, measure and merge.
     *
     * @param settings resolved settings
     * @param rule when a time-based run may stop early or must go on
     * @param factory creates each thread's body
     * @param threadName prefix of the worker thread names
     * @param label the run's name in its progress line
     */
    public static Measurement run(PerfSettings settings, StoppingRule rule, BodyFactory factory, String threadName,
                                  String label) throws Throwable {
        int threads = settings.threads();
        List<String> earlierSurvivors = StuckWorkers.stillRunning();
        TimerCalibration.Calibration calibration = TimerCalibration.of(settings.clock());
        StopSignal stop = new StopSignal();
        Sampler[] samplers = new Sampler[threads];
        SamplingContext[] contexts = new SamplingContext[threads];
        ArrivalSchedule arrivals = !settings.openLoop() ? null : settings.load().present()
                ? ArrivalSchedule.of(settings.load()) : ArrivalSchedule.constant(settings.ratePerSec());
        PhaseHistograms[] phases = new PhaseHistograms[threads];
        for (int i = 0; i < threads; i++) {
            contexts[i] = new SamplingContext(i, threads);
            samplers[i] = new Sampler(factory.create(contexts[i]), contexts[i], stop, settings.clock(), settings.openLoop());
            samplers[i].arrivals = arrivals == null ? null : arrivals.forThread(i, threads);
            phases[i] = settings.load().present() ? new PhaseHistograms(arrivals.phases(), samplers[i].arrivals) : null;
        }
        IntervalRecorder intervals = IntervalRecorder.forRun(settings, rule.adaptive() ? rule.maxFactor() : 1, label);
        boolean countAllocations = AllocationCounters.supported();
        OtherThreadAllocations others = new OtherThreadAllocations();
        // Everything the measurement keeps (the schedule holds a merged histogram) exists before the heap is read.
        MeasurementSchedule schedule = new MeasurementSchedule(settings, rule);
        RetainedHeap retained = settings.retainedHeap() ? RetainedHeap.before() : RetainedHeap.notMeasured();
        // Two gates: the measure gate's work takes milliseconds, after which a cache-missing body runs slow for about
        // as long, so every thread runs a lead-in on its measured path before the start gate (MeasurementSchedule).
        CyclicBarrier measureGate = new CyclicBarrier(threads, () -> {
            startRecording(samplers, phases, intervals, threadName);
            schedule.prepare(samplers);
            // The start gate's readings, once here as well, so that their first run in a JVM (class loading and
            // interpreted code: 7.6 ms measured) falls before the lead-in; the start gate takes them again.
            schedule.readGcCounters();
            if (countAllocations) {
                others.start();
            }
        });
        CyclicBarrier startGate = new CyclicBarrier(threads, () -> {
            schedule.readGcCounters();
            // The other threads' reading is the last to allocate before the workers take their own: anything this
            // thread allocated between the two would count as another thread's.
            if (countAllocations) {
                others.start();
            }
            schedule.begin();
            if (intervals != null) {
                intervals.begin(schedule.startNanos);
            }
        });
        CyclicBarrier checkpoint = new CyclicBarrier(threads, () -> schedule.checkpoint(samplers));
        CountDownLatch done = new CountDownLatch(threads);
        Throwable[] crashes = new Throwable[threads];
        long[] rawAllocations = new long[threads];
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = new Thread(() -> {
                Sampler s = samplers[index];
                try {
                    s.bindToCurrentThread(calibration);
                    warmup(s, settings, calibration);
                    measureGate.await();
                    // As the gate's action did with its readings: run this thread's own once before the lead-in.
                    s.noise.start();
                    AllocationCounters.currentThread();
                    if (schedule.leadInNanos > 0) {
                        s.leadIn(schedule.leadInEndNanos, schedule.batchSize);
                    }
                    startGate.await();
                    // The raw window (what other threads' figures are computed against) starts where theirs does, at the
                    // start gate, and holds the noise probe's reads; the measured window inside it does not.
                    long rawStart = countAllocations ? AllocationCounters.currentThread() : 0;
                    s.noise.start();
                    long before = countAllocations ? AllocationCounters.currentThread() : 0;
                    long excluded = measure(s, settings, schedule, index, checkpoint, countAllocations);
                    long after = countAllocations ? AllocationCounters.currentThread() : 0;
                    s.noise.end();
                    rawAllocations[index] = countAllocations ? AllocationCounters.currentThread() - rawStart : 0;
                    s.allocatedBytes = countAllocations ? after - before - excluded : -1;
                } catch (BrokenBarrierException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    crashes[index] = t;
                    stop.stop();
                    measureGate.reset();
                    startGate.reset();
                    checkpoint.reset();
                } finally {
                    s.unbind();
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
        StealMeter.Share steal = schedule.planned ? schedule.steal.end()
                : new StealMeter.Share(OptionalDouble.empty(), Optional.of("steal time not measured: the measurement never started"));
        List<String> stuck = finished ? List.of() : stopWorkers(stop, workers);
        joinAll(workers);
        if (intervals != null) {
            intervals.finish();
        }
        long measuringRaw = 0;
        Set<Long> workerIds = new HashSet<>();
        for (int i = 0; i < threads; i++) {
            measuringRaw += rawAllocations[i];
            workerIds.add(workers.get(i).getId());
        }
        if (countAllocations && schedule.planned) {
            others.end(workerIds, Thread.currentThread().getId(), measuringRaw);
        }
        if (intervals != null) {
            retained.after(intervals.keptBytes(), "latency-over-time intervals");
        } else {
            retained.after();
        }
        for (Throwable crash : crashes) {
            if (crash != null) {
                throw crash;
            }
        }
        if (!schedule.finished && schedule.planned && settings.fixedCount()) {
            schedule.finishFixedCount(samplers);
        }
        return RunMerger.merge(new RunMerger.Inputs(settings, calibration, samplers, contexts, schedule, !finished, stuck,
                earlierSurvivors, countAllocations && schedule.planned, others, retained, gcCount, gcTimeMs, steal,
                schedule.planned && intervals != null && intervals.recording() ? intervals : null));
    }

    /**
     * Hand every sampler what it records into from the measurement's start on (the interval recorder, a load profile's
     * per-phase histograms), and start the interval thread, which waits for the start time. Runs in the measure gate's
     * action, while every worker waits there, before the start time is taken: so none of it delays the first timing.
     */
    private static void startRecording(Sampler[] samplers, PhaseHistograms[] phases, IntervalRecorder intervals,
                                       String threadName) {
        for (int i = 0; i < samplers.length; i++) {
            samplers[i].intervals = intervals != null && intervals.recording() ? intervals : null;
            samplers[i].phases = phases[i];
        }
        if (intervals != null) {
            intervals.start(threadName);
        }
    }

    private static void warmup(Sampler s, PerfSettings settings, TimerCalibration.Calibration calibration) {
        // Each worker starts its own warmup clock: on a loaded machine starting a thread can take
        // longer than the whole warmup, which would leave no warmup at all.
        long until = System.nanoTime() + settings.warmupNanos();
        if (settings.openLoop()) {
            s.warmupOpenLoop(settings.warmupIterations(), until, ArrivalSchedule.constant(settings.ratePerSec())
                    .forThread(0, settings.threads()), settings.threads() * 1e9 / settings.ratePerSec());
        } else {
            s.preferredBatch = s.warmup(settings.warmupIterations(), until, BatchPolicy.cap(settings), calibration);
        }
    }

    /** Measure this worker's share; return the bytes it allocated while waiting at checkpoints. */
    private static long measure(Sampler s, PerfSettings settings, MeasurementSchedule schedule, int index,
                                CyclicBarrier checkpoint, boolean countAllocations)
            throws InterruptedException, BrokenBarrierException {
        int threads = settings.threads();
        long share = settings.fixedCount()
                ? settings.iterations() / threads + (index < settings.iterations() % threads ? 1 : 0)
                : 0;
        if (settings.fixedCount()) {
            if (settings.openLoop()) {
                s.measureOpenLoop(share, Long.MAX_VALUE, openLoopBase(schedule));
            } else {
                s.measureCount(share, schedule.batchSize);
            }
            return 0;
        }
        long excluded = 0;
        while (true) {
            if (settings.openLoop()) {
                s.measureOpenLoop(0, schedule.deadlineNanos, openLoopBase(schedule));
            } else {
                s.measureUntil(schedule.deadlineNanos, schedule.batchSize);
            }
            long before = countAllocations ? AllocationCounters.currentThread() : 0;
            checkpoint.await();
            excluded += countAllocations ? AllocationCounters.currentThread() - before : 0;
            if (schedule.finished) {
                return excluded;
            }
        }
    }

    /** Return when the open loop's schedule starts: each thread's share is offset from it by its {@code Arrivals}. */
    private static long openLoopBase(MeasurementSchedule schedule) {
        return schedule.startNanos + schedule.openLoopShiftNanos;
    }

    private static List<String> stopWorkers(StopSignal stop, List<Thread> workers) throws InterruptedException {
        stop.stop();
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + JOIN_GRACE_NANOS;
        List<String> stuck = new ArrayList<>();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(worker, left);
            }
            if (worker.isAlive()) {
                stuck.add(worker.getName());
                StuckWorkers.remember(worker);
            }
        }
        return stuck;
    }

    private static void joinAll(List<Thread> workers) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_GRACE_NANOS;
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0 && worker.isAlive()) {
                TimeUnit.NANOSECONDS.timedJoin(worker, left);
            }
        }
    }
}
