package dev.junitperf.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.junitperf.PerfClock;
import dev.junitperf.PerfTest;

/** Which clock a test gets, and what a user is told when the machine cannot give it. */
class ClockResolutionTests {

    private static final long U = PerfTest.UNSET;
    private static final PerfAttributes RUN_QUEUE = new PerfAttributes("@PerfTest", U, U, U, U, U, U, U, PerfClock.WALL_MINUS_RUNQUEUE);

    @Test
    void runQueueClockWithoutSchedstatNamesTheAnnotationTheReasonAndTheAlternative() {
        SettingsResolver resolver = new SettingsResolver(config(Map.of()),
                clock -> clock == PerfClock.WALL_MINUS_RUNQUEUE ? Optional.of("/proc/thread-self/schedstat is not readable here")
                        : Optional.empty());

        assertThatThrownBy(() -> resolver.resolve(RUN_QUEUE))
                .isInstanceOf(PerfConfigurationException.class)
                .hasMessage("@PerfTest(clock = WALL_MINUS_RUNQUEUE) cannot be measured here: /proc/thread-self/schedstat is not "
                        + "readable here; use clock = CPU, which is also immune to other processes but leaves out time spent "
                        + "blocked, or WALL");
    }

    @Test
    void buildWideClockThatCannotRunNamesTheParameter() {
        SettingsResolver resolver = new SettingsResolver(config(Map.of(Configuration.CLOCK, "cpu")),
                clock -> clock == PerfClock.CPU ? Optional.of("this JVM does not measure the CPU time of threads") : Optional.empty());

        assertThatThrownBy(() -> resolver.resolve(PerfAttributes.unset("@PerfTest")))
                .hasMessage("Configuration parameter `junitperf.clock` = cpu cannot be measured here: this JVM does not measure "
                        + "the CPU time of threads; use clock = WALL_MINUS_RUNQUEUE (Linux) or WALL");
    }

    @Test
    void overrideBeatsTheAnnotationWhichBeatsTheDefault() {
        assertThat(resolver(Map.of(Configuration.CLOCK, "WALL")).resolve(RUN_QUEUE).clock())
                .isEqualTo(PerfClock.WALL);
        assertThat(resolver(Map.of(Configuration.DEFAULT_CLOCK, "cpu")).resolve(RUN_QUEUE).clock())
                .isEqualTo(PerfClock.WALL_MINUS_RUNQUEUE);
        assertThat(resolver(Map.of(Configuration.DEFAULT_CLOCK, "cpu")).resolve(PerfAttributes.unset("@PerfTest"))
                .clock()).isEqualTo(PerfClock.CPU);
        assertThat(resolver(Map.of()).resolve(PerfAttributes.unset("@PerfTest")).clock()).isEqualTo(PerfClock.WALL);
    }

    private static SettingsResolver resolver(Map<String, String> parameters) {
        return new SettingsResolver(config(parameters), clock -> Optional.empty());
    }

    private static Configuration config(Map<String, String> parameters) {
        return Configuration.from(key -> Optional.ofNullable(parameters.get(key)));
    }
}
