package dev.junitperf.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import dev.junitperf.internal.measurement.ExecutionProfile;
import dev.junitperf.internal.measurement.FlightRecording;
import dev.junitperf.internal.report.FlameGraph;
import dev.junitperf.internal.report.HtmlReportWriter;
import dev.junitperf.internal.results.Profile;
import dev.junitperf.internal.results.ResultsFile;

/**
 * Re-run a confirmed breach under Java Flight Recorder ({@code junitperf.jfr=on-breach}), read where it spent its
 * time, and tell the failure where to look: the recording, the flame graph's section of {@code report.html} and
 * its standalone {@code .svg}.
 */
final class BreachRecording {

    private BreachRecording() {
    }

    /** Record {@code rerun} into {@code <report dir>/jfr/<test>.jfr} and read its execution samples. */
    static JudgedTest.Recording record(Path reportDir, String testName, FlightRecording.ThrowingRunnable rerun)
            throws Throwable {
        Path file = FlightRecording.record(reportDir.resolve("jfr").resolve(Reporting.fileSafe(testName) + ".jfr"), rerun);
        try {
            return new JudgedTest.Recording(file, Optional.of(ExecutionProfile.read(file)), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new JudgedTest.Recording(file, Optional.empty(), Optional.of("its execution samples could not be read: " + e));
        }
    }

    /** Return where the flame graph of {@code recording} is written: beside it, as {@code .svg}. */
    static Path flameGraphFile(Path recording) {
        String name = recording.getFileName().toString();
        return recording.resolveSibling(name.substring(0, name.length() - ".jfr".length()) + ".svg");
    }

    /** Return the lines the failure message gains for a recorded breach. */
    static String note(JudgedTest.Recording recording, ResultsFile.Test record, Path reportDir) {
        StringBuilder note = new StringBuilder("\n  Flight recording of a re-run: ").append(recording.file().toAbsolutePath());
        Profile profile = record.profile();
        if (profile == null) {
            return note.append(" (no flame graph: ").append(recording.unreadable().orElse("no execution samples")).append(')')
                    .toString();
        }
        return note.append("\n  Flame graph: section \"").append(FlameGraph.SECTION_TITLE).append("\" of ")
                .append(reportDir.resolve(HtmlReportWriter.REPORT_FILE).toAbsolutePath()).append('#')
                .append(FlameGraph.anchor(record.id())).append(" (written when the test run ends), and ")
                .append(flameGraphFile(recording.file()).toAbsolutePath())
                .append("\n  Top frames by self time: ").append(FlameGraph.topFrames(profile, 3)).toString();
    }
}
