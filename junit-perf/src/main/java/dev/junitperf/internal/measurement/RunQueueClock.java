package dev.junitperf.internal.measurement;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Read how long one thread has spent runnable but waiting for a CPU, from Linux's {@code /proc/thread-self/schedstat}.
 *
 * <p>The file holds three numbers: nanoseconds on the CPU, nanoseconds waiting on a run queue, and
 * timeslices run. The kernel adds a wait when the thread gets the CPU back, so a running thread reads
 * every wait it has completed. An instance is bound to the thread that opened it ({@code thread-self}
 * is resolved when the file is opened) and confined to that thread. The file is kept open and re-read
 * from offset 0 with {@link RandomAccessFile}, whose reads are not interruptible (an interrupt sent to
 * stop a timed-out body cannot close it) and allocate nothing: about 0.4–0.7 µs per read.
 */
final class RunQueueClock implements AutoCloseable {

    static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final int FIELD_ON_CPU = 0;
    private static final int FIELD_WAITING = 1;

    private final RandomAccessFile file;
    private final byte[] buffer = new byte[96];

    private RunQueueClock(RandomAccessFile file) {
        this.file = file;
    }

    /** Return why run-queue waits cannot be read on this machine, or empty if they can. */
    static Optional<String> unavailableReason() {
        if (!Files.isReadable(SCHEDSTAT)) {
            return Optional.of(SCHEDSTAT + " is not readable here (it needs Linux with CONFIG_SCHED_INFO)");
        }
        try (RunQueueClock probe = openForCurrentThread()) {
            probe.waitingNanos();
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.of(SCHEDSTAT + " cannot be parsed: " + e.getMessage());
        }
    }

    /** Open the schedstat file of the calling thread. */
    static RunQueueClock openForCurrentThread() {
        try {
            return new RunQueueClock(new RandomAccessFile(SCHEDSTAT.toFile(), "r"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + SCHEDSTAT, e);
        }
    }

    /** Return the nanoseconds this thread has spent runnable but waiting for a CPU. */
    long waitingNanos() {
        return field(FIELD_WAITING);
    }

    /** Return the nanoseconds this thread has spent on a CPU. */
    long onCpuNanos() {
        return field(FIELD_ON_CPU);
    }

    private long field(int index) {
        int length;
        try {
            file.seek(0);
            length = file.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEDSTAT, e);
        }
        int i = 0;
        for (int skipped = 0; skipped < index; i++) {
            if (i >= length) {
                throw new IllegalStateException("unexpected content in " + SCHEDSTAT);
            }
            if (buffer[i] == ' ') {
                skipped++;
            }
        }
        long value = 0;
        int digits = 0;
        for (; i < length && buffer[i] >= '0' && buffer[i] <= '9'; i++, digits++) {
            value = value * 10 + (buffer[i] - '0');
        }
        if (digits == 0) {
            throw new IllegalStateException("unexpected content in " + SCHEDSTAT);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
