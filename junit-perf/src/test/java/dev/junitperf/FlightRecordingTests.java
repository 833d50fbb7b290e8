package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.testing.PerfEngine;

class FlightRecordingTests {

    @TempDir
    Path reportDir;

    @Test
    void breachIsReRunUnderAFlightRecordingNamedInTheFailure() throws Exception {
        PerfEngine.execute(PerfTestExtensionTests.BreachTestCases.class, reportDir, "junitperf.jfr", "on-breach")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.contains("Flight recording of a re-run: " + reportDir.resolve("jfr").toAbsolutePath())))));

        Path recording;
        try (Stream<Path> files = Files.list(reportDir.resolve("jfr"))) {
            recording = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
        assertThat(RecordingFile.readAllEvents(recording)).isNotEmpty();
    }

    @Test
    void passingTestIsNotRecorded() {
        PerfEngine.execute(PerfTestExtensionTests.MetTestCases.class, reportDir, "junitperf.jfr", "on-breach")
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(reportDir.resolve("jfr")).doesNotExist();
    }

    @Test
    void unknownValueIsAConfigurationError() {
        PerfEngine.execute(PerfTestExtensionTests.MetTestCases.class, reportDir, "junitperf.jfr", "always")
                .testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Configuration parameter `junitperf.jfr` must be 'on-breach' or 'off', but was 'always'"))));
    }
}
