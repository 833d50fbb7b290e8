package dev.junitperf.internal.measurement;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import dev.junitperf.NoiseReading;

/**
 * Read the noise meter's figures for one measuring thread, at the start and the end of its measured phase.
 *
 * <p>Confined to its thread: it must be opened, started and ended on the thread it measures, since
 * {@code /proc/thread-self} is that thread. Its files are opened once, before warmup ({@link #open}), and read again
 * from their start for each reading: opening them cost about 50 µs at the start of the measured window, right before
 * the first timing, where the harness does as little as it can ({@link MeasurementSchedule#LEAD_IN_NANOS}). A reading
 * is still never taken inside the timed loop.
 */
final class NoiseProbe {

    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final byte[] NONVOLUNTARY = "nonvoluntary_ctxt_switches:".getBytes(StandardCharsets.US_ASCII);
    private static final boolean SCHEDSTAT = RunQueueClock.unavailableReason().isEmpty();
    private static final boolean STATUS_READABLE = Files.isReadable(STATUS);

    private final byte[] buffer = new byte[4096];
    private RunQueueClock schedstat;
    private RandomAccessFile status;
    private long wallStart;
    private long waitStart = -1;
    private long switchesStart = -1;
    private long wallNanos;
    private long waitNanos = -1;
    private long switches = -1;

    /** Open this thread's files; call on the measured thread. A file that cannot be opened gives no reading. */
    void open() {
        close();
        if (SCHEDSTAT) {
            try {
                schedstat = RunQueueClock.openForCurrentThread();
            } catch (RuntimeException e) {
                schedstat = null;
            }
        }
        if (STATUS_READABLE) {
            try {
                status = new RandomAccessFile(STATUS.toFile(), "r");
            } catch (IOException e) {
                status = null;
            }
        }
    }

    /** Close this thread's files. */
    void close() {
        if (schedstat != null) {
            try {
                schedstat.close();
            } catch (RuntimeException ignored) {
                // Nothing was written; a failed close of a /proc file loses nothing.
            }
            schedstat = null;
        }
        if (status != null) {
            try {
                status.close();
            } catch (IOException ignored) {
                // Nothing was written; a failed close of a /proc file loses nothing.
            }
            status = null;
        }
    }

    /** Take the starting readings. */
    void start() {
        waitStart = waitingNanos();
        switchesStart = involuntarySwitches();
        wallStart = System.nanoTime();
    }

    /** Take the ending readings. */
    void end() {
        wallNanos = System.nanoTime() - wallStart;
        if (waitStart >= 0) {
            waitNanos = waitingNanos() - waitStart;
        }
        if (switchesStart >= 0) {
            long now = involuntarySwitches();
            switches = now >= 0 ? now - switchesStart : -1;
        }
    }

    /** Combine the probes of all measuring threads with the machine's steal figures. */
    static NoiseReading combine(NoiseProbe[] probes, StealMeter.Share steal) {
        long wall = 0;
        long wait = 0;
        long switches = 0;
        boolean waits = true;
        boolean counted = true;
        for (NoiseProbe p : probes) {
            wall += p.wallNanos;
            wait += Math.max(0, p.waitNanos);
            switches += Math.max(0, p.switches);
            waits &= p.waitNanos >= 0;
            counted &= p.switches >= 0;
        }
        List<String> notes = new ArrayList<>();
        if (!waits) {
            notes.add("CPU wait share not measured: " + RunQueueClock.unavailableReason().orElse("a reading failed"));
        }
        if (!counted) {
            notes.add("involuntary context switches not counted: " + STATUS + " is not readable");
        }
        steal.note().ifPresent(notes::add);
        return new NoiseReading(waits && wall > 0 ? OptionalDouble.of(Math.min(1.0, (double) wait / wall)) : OptionalDouble.empty(),
                counted ? OptionalLong.of(switches) : OptionalLong.empty(), steal.share(), notes);
    }

    private long waitingNanos() {
        if (schedstat == null) {
            return -1;
        }
        try {
            return schedstat.waitingNanos();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long involuntarySwitches() {
        if (status == null) {
            return -1;
        }
        int length;
        try {
            status.seek(0);
            length = status.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            return -1;
        }
        for (int i = 0; i + NONVOLUNTARY.length < length; i++) {
            if (startsWith(i, NONVOLUNTARY)) {
                int j = i + NONVOLUNTARY.length;
                while (j < length && (buffer[j] == ' ' || buffer[j] == '\t')) {
                    j++;
                }
                long value = 0;
                for (; j < length && buffer[j] >= '0' && buffer[j] <= '9'; j++) {
                    value = value * 10 + (buffer[j] - '0');
                }
                return value;
            }
        }
        return -1;
    }

    private boolean startsWith(int offset, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (buffer[offset + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
