package dev.agentruntime;

import static dev.agentruntime.ApiStatus.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wait for replies with lower latency than a plain {@link CompletableFuture#get()}. */
@ApiStatus(status = EXPERIMENTAL, since = "0.1")
public final class Replies {

    private Replies() {
    }

    /**
     * Spin for at most {@code spin} waiting for {@code reply}, then park until {@code timeout}.
     *
     * <p>Spinning burns a core; use it when a reply is expected within microseconds.
     */
    public static <T> T await(CompletableFuture<T> reply, Duration spin, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        long spinNanos = spin.toNanos();
        while (!reply.isDone() && System.nanoTime() - start < spinNanos) {
            Thread.onSpinWait();
        }
        long left = timeout.toNanos() - (System.nanoTime() - start);
        return reply.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    }
}
