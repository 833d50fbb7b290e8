package dev.junitperf.internal.measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Read the machine's steal time (CPU time a hypervisor gave to other guests) from {@code /proc/stat}.
 *
 * <p>The first line sums every CPU: {@code cpu user nice system idle iowait irq softirq steal guest guest_nice},
 * in clock ticks. Guest time is already part of user time, so the total is the sum of the first eight fields.
 */
final class StealMeter {

    private static final Path STAT = Path.of("/proc/stat");
    private static final int STEAL = 7;
    private static final int FIELDS = 8;

    private final long[] start;

    private StealMeter(long[] start) {
        this.start = start;
    }

    /**
     * Hold the steal share of a phase, or why it is unknown.
     *
     * @param share steal ticks over all ticks of the phase
     * @param note why the share is missing
     */
    record Share(OptionalDouble share, Optional<String> note) {
    }

    /** Take the starting reading. */
    static StealMeter start() {
        return new StealMeter(read());
    }

    /** Return the steal share since {@link #start()}. */
    Share end() {
        long[] end = read();
        if (start == null || end == null) {
            return new Share(OptionalDouble.empty(), Optional.of("steal time not measured: " + STAT + " is not readable"));
        }
        long total = 0;
        for (int i = 0; i < FIELDS; i++) {
            total += end[i] - start[i];
        }
        long steal = end[STEAL] - start[STEAL];
        // Ticks are 10 ms: a phase shorter than a tick on every CPU reads 0 of 0.
        return new Share(OptionalDouble.of(total <= 0 ? 0 : Math.max(0, (double) steal / total)), Optional.empty());
    }

    private static long[] read() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            String[] parts = line.trim().split("\\s+");
            if (!parts[0].equals("cpu") || parts.length < FIELDS + 1) {
                return null;
            }
            long[] values = new long[FIELDS];
            for (int i = 0; i < FIELDS; i++) {
                values[i] = Long.parseLong(parts[i + 1]);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
