package dev.agentruntime.internal;

import static dev.agentruntime.ApiStatus.Status.INTERNAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.agentruntime.AgentContext;
import dev.agentruntime.AgentEvent;
import dev.agentruntime.AgentQuery;
import dev.agentruntime.AgentRef;
import dev.agentruntime.AgentSpec;
import dev.agentruntime.AgentStartException;
import dev.agentruntime.AgentSystemClosedException;
import dev.agentruntime.AgentSystemConfig;
import dev.agentruntime.ApiStatus;
import dev.agentruntime.Ballot;
import dev.agentruntime.EventStream;
import dev.agentruntime.SharedVariable;
import dev.agentruntime.VoteOutcome;

/**
 * Run agent cells: own the worker pool, the timer, the registry, the event stream, the replies in
 * flight and the dead-letter count they share.
 *
 * <p>Design notes: the public entry point ({@code AgentSystem}) owns one runtime and is the only
 * class that validates arguments; every method here trusts its arguments and states what it
 * expects. The runtime never refers to the entry point: it cannot call back into the API it
 * implements. The one thing it keeps of its owner is an opaque {@code owner} object, handed out
 * unchanged by {@link #ownerOf} so that {@code AgentContext.system()} can answer without a field in
 * every agent. Cells keep a reference to their runtime and read {@code pool} and {@code throughput}
 * from final fields here, so the tell path costs no more than one field load to reach the pool.
 */
@ApiStatus(status = INTERNAL)
public final class CellRuntime {

    /** Reply timeouts are checked this often, so a timeout fires up to one tick late. */
    private static final long TIMEOUT_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Object owner;
    private final AgentSystemConfig config;
    private final ForkJoinPool pool;
    private final ScheduledThreadPoolExecutor timer;
    private final IndexedAgentRegistry registry = new IndexedAgentRegistry();
    private final CopyOnWriteEventStream events = new CopyOnWriteEventStream();
    private final Set<ReplyTarget<?>> pendingReplies = ConcurrentHashMap.newKeySet();
    /** Whether a sweep of {@link #pendingReplies} is scheduled; an idle system schedules none, so its timer never wakes. */
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final ConcurrentHashMap<String, SharedVariable<?>> variables = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final LongAdder deadLetters = new LongAdder();
    private final int throughput;
    /**
     * Every thread the pool and the timer started and that may still run. An executor reports
     * itself terminated before its last thread has exited, so {@link #close()} joins these to keep
     * its promise that no thread outlives it.
     */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** Start the worker pool and the timer; {@code owner} is only kept for {@link #ownerOf}. */
    public CellRuntime(AgentSystemConfig config, Object owner) {
        this.owner = owner;
        this.config = config;
        this.throughput = config.throughput();
        AtomicInteger workerNumber = new AtomicInteger();
        this.pool = new ForkJoinPool(config.parallelism(), p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setName(config.name() + "-worker-" + workerNumber.incrementAndGet());
            worker.setDaemon(true);
            return track(worker);
        }, null, true);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, config.name() + "-timer");
            thread.setDaemon(true);
            return track(thread);
        });
    }

    /** Remember {@code created} (not yet started) and forget threads that have exited; threads are created rarely. */
    private <T extends Thread> T track(T created) {
        threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        threads.add(created);
        return created;
    }

    /** Return the owner of the runtime running {@code context}, empty if no runtime created it. */
    public static Optional<Object> ownerOf(AgentContext context) {
        return context instanceof AgentCell cell ? Optional.of(cell.runtime().owner) : Optional.empty();
    }

    ForkJoinPool pool() {
        return pool;
    }

    int throughput() {
        return throughput;
    }

    /** Return the event stream. */
    public EventStream events() {
        return events;
    }

    /** Return the registry. */
    public IndexedAgentRegistry registry() {
        return registry;
    }

    /** Spawn a top-level agent; {@code id} must be non-blank, or empty for a generated one. */
    public AgentRef spawn(String id, AgentSpec spec) {
        return spawn(null, id.isEmpty() ? nextId() : id, spec);
    }

    /** Spawn a child of {@code parent}, or a top-level agent if it is null. */
    AgentCell spawn(AgentCell parent, String id, AgentSpec spec) {
        ensureOpen();
        AgentCell cell = new AgentCell(this, id, spec, parent);
        registry.register(cell);
        try {
            cell.start();
        } catch (Throwable failure) {
            cell.markStopped();
            registry.unregister(cell);
            throw new AgentStartException("agent '" + id + "' failed to start: " + failure, failure);
        }
        if (events.hasSubscribers()) {
            events.publish(new AgentEvent.AgentStarted(id));
        }
        cell.release();
        if (closed.get()) {
            cell.signal(SystemSignal.Kind.STOP, "system closed");
        }
        return cell;
    }

    String nextId() {
        while (true) {
            String id = "agent-" + ids.incrementAndGet();
            if (registry.cell(id) == null) {
                return id;
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new AgentSystemClosedException("the agent system '" + config.name() + "' is closed; create a new one");
        }
    }

    void unregister(AgentCell cell) {
        registry.unregister(cell);
    }

    /** Stop {@code agent} after the message it is handling; return {@code false} if it is not running here. */
    public boolean stop(AgentRef agent) {
        if (agent instanceof AgentCell cell && cell.runtime() == this && cell.isAlive()) {
            cell.signal(SystemSignal.Kind.STOP, "stopped on request");
            return true;
        }
        return false;
    }

    void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closedPool) {
            task.run();
        }
    }

    /** Record a message that cannot be delivered; notify the waiting asker, if any. */
    void deadLetter(AgentCell recipient, Object message, AgentRef sender, String reason) {
        deadLetters.increment();
        String recipientId = recipient == null ? "(none)" : recipient.id();
        if (sender instanceof ReplyTarget<?> target) {
            target.undeliverable(recipientId, reason);
        }
        if (events.hasSubscribers()) {
            events.publish(new AgentEvent.DeadLetter(recipientId, message, reason));
        }
    }

    /** Return how many messages went to dead letters so far. */
    public long deadLetterCount() {
        return deadLetters.sum();
    }

    /** Send {@code message} (validated by the caller) to {@code recipient}; the first reply completes the future. */
    <T> CompletableFuture<T> ask(AgentCell recipient, Object message, Duration timeout) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new AgentSystemClosedException("the agent system '" + config.name() + "' is closed"));
        }
        PromiseRef<T> promise = new PromiseRef<>(this, recipient.id(), timeout);
        track(promise);
        try {
            recipient.send(message, promise);
        } catch (RuntimeException rejected) {
            promise.result.completeExceptionally(rejected);
            forget(promise);
        }
        return promise.result;
    }

    /** Track a reply in flight, and start the sweeps if none is scheduled (the first reply after an idle spell). */
    private void track(ReplyTarget<?> target) {
        pendingReplies.add(target);
        if (!sweepScheduled.get() && sweepScheduled.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    /**
     * Time out overdue replies; runs on the timer thread one tick after the last sweep while replies are
     * pending. Sweeping a set costs one pass per tick instead of a timer task per {@code ask}. Once the set
     * is empty the sweeps stop, so an idle system costs no CPU; {@link #track} starts them again. The
     * second emptiness check closes the race with a reply added just before the flag was cleared: that
     * adder saw the flag set and scheduled nothing, so this sweep must go on.
     */
    private void expireReplies() {
        long now = System.nanoTime();
        for (ReplyTarget<?> target : pendingReplies) {
            target.expireIfDue(now);
        }
        if (pendingReplies.isEmpty()) {
            sweepScheduled.set(false);
            if (pendingReplies.isEmpty() || !sweepScheduled.compareAndSet(false, true)) {
                return;
            }
        }
        scheduleSweep();
    }

    private void scheduleSweep() {
        try {
            timer.schedule(this::expireReplies, TIMEOUT_TICK_NANOS, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            sweepScheduled.set(false);
        }
    }

    void forget(ReplyTarget<?> target) {
        pendingReplies.remove(target);
    }

    /** Send every agent matching {@code query} the non-null {@code message}; return how many it was sent to. */
    public int broadcast(AgentQuery query, Object message) {
        int[] sent = new int[1];
        registry.forEachMatch(query, cell -> {
            cell.tell(message);
            sent[0]++;
        });
        return sent[0];
    }

    /** Return the variable named {@code name}, creating it with the non-null {@code initial} if absent. */
    @SuppressWarnings("unchecked")
    public <T> SharedVariable<T> variable(String name, T initial) {
        return (SharedVariable<T>) variables.computeIfAbsent(name, n -> new CoalescingSharedVariable<>(n, initial, this));
    }

    /** Run a voting round over {@code group}; the caller checks that {@code 1 <= quorum <= group.size()}. */
    public CompletableFuture<VoteOutcome> vote(Collection<? extends AgentRef> group, Object proposal, int quorum, Duration timeout) {
        ensureOpen();
        long roundId = rounds.incrementAndGet();
        VoteCollector collector = new VoteCollector(this, roundId, proposal, group.size(), quorum, timeout);
        track(collector);
        Ballot ballot = new Ballot(roundId, proposal);
        for (AgentRef voter : group) {
            try {
                voter.tell(ballot, collector);
            } catch (RuntimeException rejected) {
                collector.undeliverable(voter.id(), rejected.toString());
            }
        }
        return collector.outcome();
    }

    /** Return whether {@link #close()} has begun. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stop every agent (queued messages become dead letters), wait for the workers to finish and
     * fail replies still pending; return {@code false} if threads outlived the shutdown timeout.
     */
    public boolean close() throws InterruptedException {
        if (!closed.compareAndSet(false, true)) {
            return pool.isTerminated();
        }
        long timeoutNanos = config.shutdownTimeout().toNanos();
        List<AgentCell> running = new ArrayList<>();
        registry.cells().forEach(running::add);
        for (AgentCell cell : running) {
            cell.signal(SystemSignal.Kind.STOP, "system closed");
        }
        pool.awaitQuiescence(timeoutNanos, TimeUnit.NANOSECONDS);
        pool.shutdown();
        boolean terminated = pool.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
        for (ReplyTarget<?> target : List.copyOf(pendingReplies)) {
            target.systemClosed();
        }
        timer.shutdownNow();
        boolean timerTerminated = timer.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
        return joinThreads(System.nanoTime() + timeoutNanos) && terminated && timerTerminated;
    }

    /** Wait until every tracked thread but the caller has exited; return {@code false} at the deadline. */
    private boolean joinThreads(long deadlineNanos) throws InterruptedException {
        for (Thread thread : threads) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadlineNanos - System.nanoTime()));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
