package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

import dev.junitperf.testing.PerfEngine;

/** A perf test attaches its files to JUnit's report (JUnit 5.12+ {@code publishFile}), where IDEs and build tools show them. */
class PublishedFilesTests {

    @TempDir
    Path reportDir;

    @TempDir
    Path junitOutput;

    @Test
    void aPassingTestAttachesItsResultsJson() throws Exception {
        List<FileEntry> files = published(PerfEngine.executeAttaching(PerfTestExtensionTests.MetTestCases.class, reportDir, junitOutput));

        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.getPath().getFileName().toString()).endsWith(".json");
            assertThat(f.getMediaType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(f.getPath()).startsWith(junitOutput);
        });
        Path json = files.get(0).getPath();
        assertThat(Files.readString(json)).isEqualTo(Files.readString(reportDir.resolve("tests").resolve(json.getFileName())))
                .contains("\"verdict\" : \"PASSED\"");
    }

    @Test
    void aRecordedBreachAlsoAttachesItsFlightRecordingAndFlameGraph() throws Exception {
        List<FileEntry> files = published(PerfEngine.executeAttaching(FlightRecordingTests.HotLoopTestCases.class, reportDir, junitOutput,
                "junitperf.jfr", "on-breach"));

        assertThat(files).extracting(f -> f.getPath().getFileName().toString().replaceAll(".*\\.", ""))
                .containsExactly("json", "jfr", "svg");
        assertThat(files).extracting(f -> f.getMediaType().orElse("")).satisfiesExactly(
                t -> assertThat(t).startsWith("application/json"), t -> assertThat(t).startsWith("application/octet-stream"),
                t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(Files.readString(files.get(2).getPath())).startsWith("<?xml").contains("HotLoopTestCases.hotLoop");
        assertThat(Files.size(files.get(1).getPath())).isEqualTo(Files.size(reportDir.resolve("jfr")
                .resolve(files.get(1).getPath().getFileName())));
    }

    @Test
    void aTestWithoutARecordingAttachesNoRecording() {
        List<FileEntry> files = published(PerfEngine.executeAttaching(PerfTestExtensionTests.BreachTestCases.class, reportDir, junitOutput));

        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getPath().toString()).endsWith(".json"));
    }

    @Test
    void filesJunitRefusesForOneReasonAreNamedOnceNotOncePerFile() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // No output directory: EngineTestKit refuses every file, here four tests' results JSON.
            for (int i = 0; i < 2; i++) {
                PerfEngine.execute(PerfTestExtensionTests.MetTestCases.class, reportDir.resolve("run" + i));
                PerfEngine.execute(PerfTestExtensionTests.BreachTestCases.class, reportDir.resolve("breach" + i));
            }
        } finally {
            System.setErr(err);
        }

        // At most one line: an earlier test of this JVM may already have named this reason.
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("could not attach")))
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(l -> assertThat(l).contains("it stays in the report directory", "Writing outputs is disabled"));
    }

    private static List<FileEntry> published(EngineExecutionResults results) {
        return results.allEvents().filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(FileEntry.class)).toList();
    }
}
