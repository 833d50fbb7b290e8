package dev.agentruntime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinTask;

import dev.agentruntime.AgentRef;

/**
 * Queue messages for one consumer and schedule that consumer on a {@code ForkJoinPool}.
 *
 * <p>Design notes.
 * <ul>
 *   <li>Messages: an intrusive Vyukov MPSC linked queue. Producers swap {@code tail} with one
 *       {@code getAndSet} and then link the previous node; the consumer owns {@code head}, which is
 *       always a consumed (stub) node, so an idle mailbox holds exactly one node. A producer that has
 *       swapped but not yet linked makes the queue look briefly "non-empty but unlinked"; the consumer
 *       spins for that link, which is at most a few instructions away.</li>
 *   <li>Signals (stop, child failure) use a separate Treiber stack so they overtake queued mail.</li>
 *   <li>Scheduling: {@code state} holds {@link #SCHEDULED} while a turn is queued or running; the
 *       producer that flips it with one CAS submits the task, others do nothing. The consumer clears it
 *       with a full fence and then re-reads {@code tail}/{@code signals}; the producer swapped
 *       {@code tail} (full fence) before reading {@code state}. By this Dekker-style handshake either
 *       the producer sees the bit clear and schedules, or the consumer sees the new mail and
 *       reschedules itself: no message is stranded.</li>
 *   <li>{@code depth} counts queued messages: producers add one; for bounded mailboxes the consumer
 *       subtracts one as each message is taken, for unbounded ones a whole turn at once (one atomic
 *       per turn instead of per message), so their depth may over-estimate by one turn.</li>
 *   <li>{@code exec} returns {@code false}, leaving the task incomplete so it can be resubmitted.</li>
 * </ul>
 */
abstract class MpscMailboxTask extends ForkJoinTask<Void> {

    static final int SCHEDULED = 1;
    static final int STOPPED = 2;

    private static final VarHandle TAIL;
    private static final VarHandle STATE;
    private static final VarHandle DEPTH;
    private static final VarHandle SIGNALS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MpscMailboxTask.class, "tail", MailNode.class);
            STATE = lookup.findVarHandle(MpscMailboxTask.class, "state", int.class);
            DEPTH = lookup.findVarHandle(MpscMailboxTask.class, "depth", int.class);
            SIGNALS = lookup.findVarHandle(MpscMailboxTask.class, "signals", SystemSignal.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile MailNode tail;
    private MailNode head;
    private volatile int state;
    private volatile int depth;
    private volatile SystemSignal signals;

    /** Create the mailbox owned by its creator: {@link #SCHEDULED} until {@link #endTurn()}. */
    MpscMailboxTask() {
        MailNode stub = new MailNode(null, null);
        head = stub;
        tail = stub;
        state = SCHEDULED;
    }

    /** Run one turn; the subclass must finish it with {@link #endTurn()} or {@link #continueTurn()}. */
    abstract void runTurn();

    /** Submit this task to its pool. */
    abstract void submit();

    /** Enqueue a message; return {@code false} without enqueueing when a bounded mailbox is full. */
    final boolean offer(Object message, AgentRef sender, int capacity) {
        int before = (int) DEPTH.getAndAdd(this, 1);
        if (capacity > 0 && before >= capacity) {
            DEPTH.getAndAdd(this, -1);
            return false;
        }
        MailNode node = new MailNode(message, sender);
        MailNode previous = (MailNode) TAIL.getAndSet(this, node);
        previous.linkNext(node);
        schedule();
        return true;
    }

    /** Push a signal and make sure the consumer runs. */
    final void signal(SystemSignal.Kind kind, Object detail) {
        SystemSignal top;
        SystemSignal pushed;
        do {
            top = signals;
            pushed = new SystemSignal(kind, detail, top);
        } while (!SIGNALS.compareAndSet(this, top, pushed));
        schedule();
    }

    private void schedule() {
        int s = state;
        if ((s & SCHEDULED) == 0 && STATE.compareAndSet(this, s, s | SCHEDULED)) {
            submit();
        }
    }

    /** Dequeue the next message node (consumer only); the caller must clear its fields. */
    final MailNode poll() {
        MailNode h = head;
        MailNode next = h.next();
        if (next == null) {
            if (h == tail) {
                return null;
            }
            while ((next = h.next()) == null) {
                Thread.onSpinWait();
            }
        }
        head = next;
        return next;
    }

    /** Return the node of the message being handled (consumer only); its fields are cleared after it. */
    final MailNode currentNode() {
        return head;
    }

    /** Take all pending signals in the order they were sent (consumer only). */
    final SystemSignal takeSignals() {
        SystemSignal taken = (SystemSignal) SIGNALS.getAndSet(this, null);
        SystemSignal reversed = null;
        for (SystemSignal s = taken; s != null; s = s.next()) {
            reversed = s.withNext(reversed);
        }
        return reversed;
    }

    final boolean hasSignals() {
        return signals != null;
    }

    final boolean isStopped() {
        return (state & STOPPED) != 0;
    }

    /** Mark the consumer as stopped for good; later turns only dead-letter. */
    final void markStopped() {
        STATE.getAndBitwiseOr(this, STOPPED);
    }

    final void consumed(int count) {
        if (count > 0) {
            DEPTH.getAndAdd(this, -count);
        }
    }

    final int depth() {
        return Math.max(0, depth);
    }

    /** Keep the turn and queue it again behind other ready agents. */
    final void continueTurn() {
        submit();
    }

    /** Give up the turn; reschedule if mail arrived meanwhile. */
    final void endTurn() {
        STATE.getAndBitwiseAnd(this, ~SCHEDULED);
        if (head != tail || signals != null) {
            schedule();
        }
    }

    @Override
    protected final boolean exec() {
        runTurn();
        return false;
    }

    @Override
    public final Void getRawResult() {
        return null;
    }

    @Override
    protected final void setRawResult(Void value) {
        // turns produce no result
    }
}
