package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExecutionProfileTests {

    private static final String LOOP = "dev.junitperf.internal.measurement.TimedLoopTemplate.timeWall";

    @Test
    void aMeasuringThreadIsCutAtTheInnermostHarnessFrameWhateverIsOutsideIt() {
        // Innermost first, as JFR gives them; the outer frames are what JFR's stack depth left of JUnit's.
        List<String> frames = List.of("com.example.Spin.hotLoop", "com.example.Spin.burns",
                "java.lang.invoke.LambdaForm$DMH.invokeStatic", LOOP, "dev.junitperf.internal.measurement.Sampler.measureCount",
                "dev.junitperf.internal.engine.PerfTestInterceptor.intercept", "org.junit.jupiter.engine.Foo.bar");

        assertThat(ExecutionProfile.path(frames)).containsExactly("com.example.Spin.burns", "com.example.Spin.hotLoop");
    }

    @Test
    void aSampleInsideTheHarnessCountsAsTheTimedLoop() {
        assertThat(ExecutionProfile.path(List.of("dev.junitperf.internal.measurement.TimerCalibration.empty",
                "java.lang.invoke.LambdaForm$MH.invokeExact_MT", LOOP, "java.util.concurrent.CyclicBarrier.dowait",
                "java.lang.Thread.run"))).containsExactly(ExecutionProfile.TIMED_LOOP);
        assertThat(ExecutionProfile.path(List.of("java.lang.invoke.LambdaForm$MH.invokeExact_MT", LOOP)))
                .containsExactly(ExecutionProfile.TIMED_LOOP);
        assertThat(ExecutionProfile.path(List.of("sun.nio.ch.FileChannelImpl.read", "java.nio.file.Files.readAllBytes",
                "dev.junitperf.internal.measurement.NoiseMeter.read", LOOP))).containsExactly(ExecutionProfile.TIMED_LOOP);
    }

    @Test
    void anotherThreadIsKeptWholeUnderItsOwnNode() {
        assertThat(ExecutionProfile.path(List.of("com.example.Worker.work", "java.lang.Thread.run")))
                .containsExactly(ExecutionProfile.OTHER_THREADS, "java.lang.Thread.run", "com.example.Worker.work");
    }

    @Test
    void hiddenClassesLoseTheAddressAndIdJfrGivesThem() {
        assertThat(ExecutionProfile.hiddenSuffixRemoved("java.lang.invoke.LambdaForm$DMH+0x00007f441416c400.282003944"))
                .isEqualTo("java.lang.invoke.LambdaForm$DMH");
        assertThat(ExecutionProfile.hiddenSuffixRemoved("com.example.Spin$$Lambda$55/0x0000000800c0b000"))
                .isEqualTo("com.example.Spin");
        assertThat(ExecutionProfile.hiddenSuffixRemoved("com.example.Spin$Inner")).isEqualTo("com.example.Spin$Inner");
    }
}
