package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apiguardian.api.API;

/**
 * Record a re-run of a breached measurement with Java Flight Recorder, for diagnosis.
 *
 * <p>Uses the JDK's {@code profile} settings (allocation, locks, GC) with Java execution sampled every
 * {@link #SAMPLING_PERIOD} rather than every 10 ms (20 ms in the {@code default} settings), so that a re-run of a
 * few hundred milliseconds still yields hundreds of samples for its flame graph ({@link ExecutionProfile}). The
 * recording is written next to the reports, so the failure message can name it.
 */
@API(status = INTERNAL, since = "0.1")
public final class FlightRecording {

    /** How often JFR samples each thread running Java code during a recorded re-run. */
    public static final Duration SAMPLING_PERIOD = Duration.ofMillis(1);
    /** The JFR event that {@link #SAMPLING_PERIOD} applies to. */
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private FlightRecording() {
    }

    /** Run {@code action} inside a recording dumped to {@code file}; return the file. */
    public static Path record(Path file, ThrowingRunnable action) throws Throwable {
        Files.createDirectories(file.getParent());
        try (Recording recording = new Recording(profile())) {
            recording.setName("junit-perf " + file.getFileName());
            recording.enable(EXECUTION_SAMPLE).withPeriod(SAMPLING_PERIOD);
            recording.start();
            try {
                action.run();
            } finally {
                recording.stop();
                recording.dump(file);
            }
        }
        return file;
    }

    private static Configuration profile() throws IOException {
        try {
            return Configuration.getConfiguration("profile");
        } catch (ParseException e) {
            throw new IOException("The JDK's JFR 'profile' settings cannot be read", e);
        }
    }

    /** Run code that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Throwable;
    }
}
