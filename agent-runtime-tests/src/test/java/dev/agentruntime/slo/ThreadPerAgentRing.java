package dev.agentruntime.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Pass a token around a ring of agents in the plain thread-per-agent design: every agent is one
 * platform thread blocked on its own {@link LinkedBlockingQueue}.
 *
 * <p>The reference design of {@link ConcurrencyModelSloTests}, test-only. Agent {@code i} takes the
 * token from its queue and puts it into the queue of agent {@code i + 1}; the last agent completes it.
 * Every hop therefore wakes a parked thread, which is what this design costs per message.
 * {@link LinkedBlockingQueue} is the JDK's ordinary unbounded blocking queue and parks at once when
 * empty; queues that spin before parking would burn a core per waiting agent here.
 *
 * <p>Thread-safe: any thread may start a lap, and laps may overlap; each token travels the ring in order.
 */
final class ThreadPerAgentRing implements AutoCloseable {

    private final List<BlockingQueue<CompletableFuture<Void>>> inboxes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** Start {@code agents} threads, each parked on its empty queue. */
    ThreadPerAgentRing(int agents) {
        if (agents < 1) {
            throw new IllegalArgumentException("a ring needs at least one agent, but was " + agents);
        }
        for (int i = 0; i < agents; i++) {
            inboxes.add(new LinkedBlockingQueue<>());
        }
        for (int i = 0; i < agents; i++) {
            BlockingQueue<CompletableFuture<Void>> inbox = inboxes.get(i);
            BlockingQueue<CompletableFuture<Void>> next = i + 1 < agents ? inboxes.get(i + 1) : null;
            Thread thread = new Thread(() -> run(inbox, next), "thread-per-agent-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Send a new token around the ring; the returned future completes when the last agent has it. */
    CompletableFuture<Void> lap() {
        CompletableFuture<Void> token = new CompletableFuture<>();
        inboxes.get(0).add(token);
        return token;
    }

    private static void run(BlockingQueue<CompletableFuture<Void>> inbox, BlockingQueue<CompletableFuture<Void>> next) {
        try {
            while (true) {
                CompletableFuture<Void> token = inbox.take();
                if (next == null) {
                    token.complete(null);
                } else {
                    next.add(token);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupt every agent's thread and wait for all of them to end. */
    @Override
    public void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
