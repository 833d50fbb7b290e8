package dev.junitperf.internal.measurement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The interval thread and the progress line never touch the timed loop: they reference no sampler, no timed loop, no
 * sampling context, no schedule the measuring threads follow, and none of their per-thread state. What they read comes
 * from the HdrHistogram {@code Recorder}, whose writers are wait-free.
 */
class ProgressReporterIsolationTests {

    private static final JavaClasses MEASUREMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.junitperf.internal.measurement");

    @Test
    void theReporterReferencesNothingOfTheTimedLoop() {
        touchesNoTimedLoopState(IntervalRecorder.class, ProgressLine.class).check(MEASUREMENT);
    }

    @Test
    void theRuleCatchesAClassThatDoes() {
        assertThatThrownBy(() -> touchesNoTimedLoopState(MeasurementRunner.class).check(MEASUREMENT))
                .isInstanceOf(AssertionError.class).hasMessageContaining(Sampler.class.getName());
    }

    private static ArchRule touchesNoTimedLoopState(Class<?>... reporters) {
        return noClasses().that().belongToAnyOf(reporters)
                .should().dependOnClassesThat().belongToAnyOf(Sampler.class, TimedLoops.class, TimedLoopTemplate.class,
                        TimedLoopFactory.class, SamplingContext.class, MeasurementSchedule.class, PhaseHistograms.class,
                        ArrivalSchedule.class, StopSignal.class, RunQueueClock.class)
                .because("a reporter that never touches the timed loop cannot slow it down or change what it measures");
    }
}
