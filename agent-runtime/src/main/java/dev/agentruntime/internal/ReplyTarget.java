package dev.agentruntime.internal;

/** Receive replies outside any agent and learn when the request could not be delivered. */
interface ReplyTarget {

    /** React to the request never reaching its recipient. */
    void undeliverable(String recipientId, String reason);

    /** Time out if {@code now} (a {@link System#nanoTime()} value) is past the deadline. */
    void expireIfDue(long now);

    /** Give up because the system is closing. */
    void systemClosed();
}
