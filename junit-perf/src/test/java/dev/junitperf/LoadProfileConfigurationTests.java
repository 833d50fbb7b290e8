package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.junitperf.testing.PerfEngine;

/** Every bad load profile, and every objective naming a phase it does not have, is rejected before anything runs. */
class LoadProfileConfigurationTests {

    static final AtomicInteger invocations = new AtomicInteger();

    @TempDir
    Path reportDir;

    static Stream<Arguments> badProfiles() {
        return Stream.of(
                Arguments.of(NoPhases.class, "@LoadProfile requires at least one @Phase, but had none: list the phases, e.g. "
                        + "@LoadProfile(@Phase(name = \"steady\", ratePerSec = 1_000, durationMs = 5_000))"),
                Arguments.of(NegativeRate.class, "@Phase(name = \"base\") requires that `ratePerSec` be a finite number of "
                        + "invocations per second, greater than 0, but was -5"),
                Arguments.of(NegativeRampEnd.class, "@Phase(name = \"ramp\") requires that `toPerSec` be a finite number of "
                        + "invocations per second, 0 or greater, but was -1"),
                Arguments.of(NoRate.class, "@Phase(name = \"base\") sets no rate: set `ratePerSec` for a constant rate, or "
                        + "`fromPerSec` and `toPerSec` for a ramp"),
                Arguments.of(HalfARamp.class, "@Phase(name = \"ramp\") sets `fromPerSec` without `toPerSec`: a ramp needs both"),
                Arguments.of(RateAndRamp.class, "@Phase(name = \"base\") sets both `ratePerSec` and a ramp"),
                Arguments.of(ZeroDuration.class, "@Phase(name = \"base\") requires that `durationMs` be at least 1, but was 0"),
                Arguments.of(BlankName.class, "@Phase #2 of @LoadProfile requires that `name` be a name objectives and reports "
                        + "can use, e.g. \"burst\", but was ''"),
                Arguments.of(DuplicateNames.class, "@LoadProfile requires that every @Phase have its own `name`, but \"base\" "
                        + "names more than one (phase #3 is the second): rename one"),
                Arguments.of(ProfileAndRate.class, "@LoadProfile cannot be combined with @PerfTest(ratePerSec = 100): the "
                        + "phases set the rates; remove `ratePerSec`"),
                Arguments.of(ProfileAndIterations.class, "@LoadProfile cannot be combined with @PerfTest(iterations = 500): "
                        + "the phases set how many invocations start; remove `iterations`"),
                Arguments.of(ProfileAndDuration.class, "@LoadProfile cannot be combined with @PerfTest(durationMs = 1000): the "
                        + "phases set how long it runs; remove `durationMs`"),
                Arguments.of(UnknownPhaseInPhaseSlo.class, "@PhaseSlo requires that `phase` be one of the phases of "
                        + "@LoadProfile (\"base\", \"burst\", \"after\"), but was \"brust\""),
                Arguments.of(UnknownPhaseInRecovery.class, "@RecoverySlo requires that `after` be one of the phases of "
                        + "@LoadProfile (\"base\", \"burst\", \"after\"), but was \"peak\""),
                Arguments.of(UnknownBaseline.class, "@RecoverySlo requires that `baseline` be one of the phases of "
                        + "@LoadProfile (\"base\", \"burst\", \"after\"), but was \"normal\""),
                Arguments.of(RecoveryAfterTheFirstPhase.class, "@RecoverySlo(after = \"base\") has no phase before \"base\" "
                        + "to recover to: name one with `baseline`"),
                Arguments.of(RecoveryLongerThanTheProfile.class, "@RecoverySlo(after = \"burst\") needs at least "
                        + "`maxRecoveryMs` + `windowMs` (2,000 + 500 ms) of phases after \"burst\""),
                Arguments.of(FactorBelowOne.class, "@RecoverySlo(after = \"burst\") requires that `factor` be a finite number, "
                        + "at least 1 (1 means back to the baseline itself), but was 0.5"),
                Arguments.of(PhaseSloWithoutProfile.class, "@PhaseSlo(phase = \"burst\") requires @LoadProfile on the same "
                        + "method: add the profile whose phases it names, or remove it"),
                Arguments.of(TwicePhaseSlo.class, "@PhaseSlo(phase = \"burst\") is stated twice"),
                Arguments.of(PhaseSloTooFewSamples.class, "@PhaseSlo(phase = \"burst\") needs at least 299 samples in phase "
                        + "\"burst\" to judge p99 (`p99Ms`), but the phase starts 100 (100 ms at 1,000/s): raise its rate or its "
                        + "durationMs"),
                Arguments.of(SlowdownWithoutPhase.class, "@PhaseSlo(phase = \"after\") sets `maxSlowdownPct` without "
                        + "`comparedTo`"),
                Arguments.of(EmptyPhaseSlo.class, "@PhaseSlo(phase = \"after\") states no objective"),
                Arguments.of(ProfileAndFasterThan.class, "@LoadProfile cannot be combined with @Slo(fasterThan)"),
                Arguments.of(ProfileWithoutPerfTest.class, "@LoadProfile on plainTest() requires @PerfTest"));
    }

    @ParameterizedTest
    @MethodSource("badProfiles")
    void badProfileIsRejectedBeforeAnythingRuns(Class<?> testCases, String expected) {
        invocations.set(0);
        PerfEngine.execute(testCases, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(expected)))));
        assertThat(invocations).hasValue(0);
    }

    @Test
    void configurationDefaultsOfTheRunsLengthDoNotApplyToAProfile() {
        PerfEngine.execute(ShortProfile.class, reportDir, "junitperf.default.durationMs", "5000",
                "junitperf.default.ratePerSec", "5", "junitperf.progress", "false").testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(PerfEngine.onlyTest(reportDir).run().durationMs()).isLessThan(1_000);
    }

    @ParameterizedTest
    @MethodSource("badMonitoringParameters")
    void badMonitoringParameterIsRejected(String key, String value, String expected) {
        PerfEngine.execute(ShortProfile.class, reportDir, key, value).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(expected))));
    }

    static Stream<Arguments> badMonitoringParameters() {
        return Stream.of(
                Arguments.of("junitperf.progress", "yes", "Configuration parameter `junitperf.progress` must be 'true' or "
                        + "'false', but was 'yes'"),
                Arguments.of("junitperf.progress.everyMs", "10", "Configuration parameter `junitperf.progress.everyMs` must be "
                        + "a whole number of milliseconds, at least 100, but was '10'"),
                Arguments.of("junitperf.intervals", "some", "Configuration parameter `junitperf.intervals` must be "
                        + "'open-loop' or 'all', but was 'some'"));
    }

    static void body() {
        invocations.incrementAndGet();
    }

    static class NoPhases {
        @PerfTest
        @LoadProfile({})
        void test() {
            body();
        }
    }

    static class NegativeRate {
        @PerfTest
        @LoadProfile(@Phase(name = "base", ratePerSec = -5, durationMs = 100))
        void test() {
            body();
        }
    }

    static class NegativeRampEnd {
        @PerfTest
        @LoadProfile(@Phase(name = "ramp", fromPerSec = 10, toPerSec = -1, durationMs = 100))
        void test() {
            body();
        }
    }

    static class NoRate {
        @PerfTest
        @LoadProfile(@Phase(name = "base", durationMs = 100))
        void test() {
            body();
        }
    }

    static class HalfARamp {
        @PerfTest
        @LoadProfile(@Phase(name = "ramp", fromPerSec = 10, durationMs = 100))
        void test() {
            body();
        }
    }

    static class RateAndRamp {
        @PerfTest
        @LoadProfile(@Phase(name = "base", ratePerSec = 10, toPerSec = 20, durationMs = 100))
        void test() {
            body();
        }
    }

    static class ZeroDuration {
        @PerfTest
        @LoadProfile(@Phase(name = "base", ratePerSec = 10, durationMs = 0))
        void test() {
            body();
        }
    }

    static class BlankName {
        @PerfTest
        @LoadProfile({@Phase(name = "base", ratePerSec = 10, durationMs = 100), @Phase(name = "", ratePerSec = 10, durationMs = 100)})
        void test() {
            body();
        }
    }

    static class DuplicateNames {
        @PerfTest
        @LoadProfile({@Phase(name = "base", ratePerSec = 10, durationMs = 100), @Phase(name = "burst", ratePerSec = 100,
                durationMs = 100), @Phase(name = "base", ratePerSec = 10, durationMs = 100)})
        void test() {
            body();
        }
    }

    static class ProfileAndRate {
        @PerfTest(ratePerSec = 100)
        @LoadProfile(@Phase(name = "base", ratePerSec = 10, durationMs = 100))
        void test() {
            body();
        }
    }

    static class ProfileAndIterations {
        @PerfTest(iterations = 500)
        @LoadProfile(@Phase(name = "base", ratePerSec = 10, durationMs = 100))
        void test() {
            body();
        }
    }

    static class ProfileAndDuration {
        @PerfTest(durationMs = 1_000)
        @LoadProfile(@Phase(name = "base", ratePerSec = 10, durationMs = 100))
        void test() {
            body();
        }
    }

    /** Base 1,000/s for 500 ms, a burst of 5,000/s for 200 ms, 1,000/s for 1 s after it. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @LoadProfile({@Phase(name = "base", ratePerSec = 1_000, durationMs = 500),
        @Phase(name = "burst", ratePerSec = 5_000, durationMs = 200),
        @Phase(name = "after", ratePerSec = 1_000, durationMs = 1_000)})
    @interface Burst {
    }

    static class UnknownPhaseInPhaseSlo {
        @PerfTest
        @Burst
        @PhaseSlo(phase = "brust", p99Ms = 5)
        void test() {
            body();
        }
    }

    static class UnknownPhaseInRecovery {
        @PerfTest
        @Burst
        @RecoverySlo(after = "peak", maxRecoveryMs = 100)
        void test() {
            body();
        }
    }

    static class UnknownBaseline {
        @PerfTest
        @Burst
        @RecoverySlo(after = "burst", baseline = "normal", maxRecoveryMs = 100)
        void test() {
            body();
        }
    }

    static class RecoveryAfterTheFirstPhase {
        @PerfTest
        @Burst
        @RecoverySlo(after = "base", maxRecoveryMs = 100)
        void test() {
            body();
        }
    }

    static class RecoveryLongerThanTheProfile {
        @PerfTest
        @Burst
        @RecoverySlo(after = "burst", maxRecoveryMs = 2_000)
        void test() {
            body();
        }
    }

    static class FactorBelowOne {
        @PerfTest
        @Burst
        @RecoverySlo(after = "burst", maxRecoveryMs = 100, factor = 0.5)
        void test() {
            body();
        }
    }

    static class PhaseSloWithoutProfile {
        @PerfTest
        @PhaseSlo(phase = "burst", p99Ms = 5)
        void test() {
            body();
        }
    }

    static class TwicePhaseSlo {
        @PerfTest
        @Burst
        @PhaseSlo(phase = "burst", p99Ms = 5)
        @PhaseSlo(phase = "burst", p50Ms = 1)
        void test() {
            body();
        }
    }

    static class PhaseSloTooFewSamples {
        @PerfTest
        @LoadProfile({@Phase(name = "base", ratePerSec = 1_000, durationMs = 500),
            @Phase(name = "burst", ratePerSec = 1_000, durationMs = 100)})
        @PhaseSlo(phase = "burst", p99Ms = 5)
        void test() {
            body();
        }
    }

    static class SlowdownWithoutPhase {
        @PerfTest
        @Burst
        @PhaseSlo(phase = "after", maxSlowdownPct = 10)
        void test() {
            body();
        }
    }

    static class EmptyPhaseSlo {
        @PerfTest
        @Burst
        @PhaseSlo(phase = "after")
        void test() {
            body();
        }
    }

    static class ProfileAndFasterThan {
        @PerfTest
        @Burst
        @Slo(fasterThan = "reference")
        void test() {
            body();
        }

        void reference() {
            body();
        }
    }

    static class ProfileWithoutPerfTest {
        @Test
        @Burst
        void plainTest() {
            body();
        }
    }

    static class ShortProfile {
        @PerfTest(warmupMs = 20)
        @LoadProfile(@Phase(name = "steady", ratePerSec = 500, durationMs = 200))
        void test() {
            body();
        }
    }
}
