package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apiguardian.api.API;

/**
 * Record a re-run of a breached measurement with Java Flight Recorder, for diagnosis.
 *
 * <p>Uses the JDK's {@code profile} settings (method sampling, allocation, locks, GC) and writes the
 * recording next to the reports, so the failure message can name it.
 */
@API(status = INTERNAL, since = "0.1")
public final class FlightRecording {

    private FlightRecording() {
    }

    /** Run {@code action} inside a recording dumped to {@code file}; return the file. */
    public static Path record(Path file, ThrowingRunnable action) throws Throwable {
        Files.createDirectories(file.getParent());
        try (Recording recording = new Recording(profile())) {
            recording.setName("junit-perf " + file.getFileName());
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
