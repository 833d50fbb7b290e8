package dev.junitperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.testing.PerfEngine;



class PerfTestExtensionTests {

    @TempDir
    Path reportDir;

    @Test
    void metObjectivePassesAndIsReported() {
        PerfEngine.execute(MetTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        ResultsFile.Test test = onlyTest();
        assertThat(test.verdict().name()).isEqualTo("PASSED");
        assertThat(test.run().samples()).isEqualTo(500);
        assertThat(test.run().latencyMs().p99()).isPositive().isLessThan(1000);
        assertThat(test.runs()).hasSize(1);
    }

    @Test
    void breachFailsWithTheMeasuredFigureItsIntervalAndAConfirmationRun() {
        PerfEngine.execute(BreachTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(test("spin200us"), finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.contains("SLO breached by BreachTestCases.spin200us() (confirmed by 1 re-measurement")
                                && m.matches("(?s).*p99 = [0-9.,]+ (µs|ms) > budget 10\\.0 µs \\(95% CI [0-9.,]+( µs| ms)?–[0-9.,]+ (µs|ms), n = 300\\).*")
                                && m.contains("percentile") && m.contains("p99.9")))));

        ResultsFile.Test test = onlyTest();
        assertThat(test.verdict().name()).isEqualTo("FAILED");
        assertThat(test.runs()).hasSize(2);
        assertThat(test.run().breaches().get(0).objective()).isEqualTo("p99");
        assertThat(test.run().breaches().get(0).actual()).isGreaterThan(0.15);
    }

    @Test
    void tooFewSamplesForAPercentileIsInconclusiveAndSaysHowManyAreNeeded() {
        PerfEngine.execute(InconclusiveTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(test("fewSamples"), finishedWithFailure(instanceOf(SloBreachError.class),
                        message(m -> m.startsWith("SLO inconclusive") && m.contains("at least 299 are needed")))));
        assertThat(onlyTest().verdict().name()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void errorsAreCountedAndJudgedByMaxErrorRateWithTheFirstErrorAsCause() {
        var events = PerfEngine.execute(ErrorTestCases.class, reportDir).testEvents();

        events.assertThatEvents().haveExactly(1, event(test("failsOneInTen"), finishedWithFailure(
                instanceOf(SloBreachError.class),
                message(m -> m.contains("error rate = 10.00 % (50 of 500) > budget 0.00 %")
                        && m.contains("IllegalStateException: every tenth")))));
        events.assertThatEvents().haveExactly(1, event(test("failsOneInTenWithinBudget"),
                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
        SloBreachError error = (SloBreachError) events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("every tenth");
        assertThat(error.breaches()).extracting(Breach::objective).containsExactly("errorRate");
    }

    @Test
    void timeoutStopsSamplingFailsClearlyAndLeavesNoThreadBehind() {
        PerfEngine.execute(TimeoutTestCases.class, reportDir).testEvents().assertThatEvents().haveExactly(1,
                event(test("blocksForever"), finishedWithFailure(instanceOf(PerfTimeoutError.class),
                        message(m -> m.contains("timed out") && m.contains("timeoutMs = 300")
                                && m.contains("all worker threads stopped")))));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("junit-perf-blocksForever"));
    }

    @Test
    void assumptionFailureInTheBodyAbortsTheTest() {
        PerfEngine.execute(AbortTestCases.class, reportDir).testEvents().assertStatistics(s -> s.aborted(1).failed(0));
    }

    @Test
    void beforeEachAndAfterEachRunOnceAroundTheWholeMeasurement() {
        LifecycleTestCases.reset();
        PerfEngine.execute(LifecycleTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(LifecycleTestCases.before).hasValue(1);
        assertThat(LifecycleTestCases.after).hasValue(1);
        assertThat(LifecycleTestCases.body.get()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void smokeModeRunsTheBodyOnceWithoutMeasuring() {
        LifecycleTestCases.reset();
        PerfEngine.execute(LifecycleTestCases.class, reportDir, "junitperf.mode", "smoke")
                .testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(LifecycleTestCases.body).hasValue(1);
    }

    @Test
    void reportModeMeasuresAndReportsButNeverFailsOnAnObjective() {
        PerfEngine.execute(BreachTestCases.class, reportDir, "junitperf.mode", "report")
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(onlyTest().verdict().name()).isEqualTo("FAILED");
        assertThat(onlyTest().mode()).isEqualTo("report");
    }

    @Test
    void sloScaleMultipliesLatencyBudgets() {
        PerfEngine.execute(BreachTestCases.class, reportDir, "junitperf.slo.scale", "100000")
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(onlyTest().budget("p99Ms")).hasValue(1000.0);
    }

    @Test
    void classLevelSloIsTheDefaultAndMethodLevelOverridesPerAttribute() {
        var events = PerfEngine.execute(ClassLevelSloTestCases.class, reportDir).testEvents();
        events.assertThatEvents().haveExactly(1, event(test("inheritsTheTightMean"),
                finishedWithFailure(message(m -> m.contains("mean = ")))));
        events.assertThatEvents().haveExactly(1, event(test("overridesTheMean"),
                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    }

    @Test
    void untimedSetUpIsExcludedFromTheLatency() {
        PerfEngine.execute(UntimedTestCases.class, reportDir).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(onlyTest().run().latencyMs().p50()).isLessThan(0.5);
    }

    @Test
    void composedAnnotationCarriesPerfTestAndSlo() {
        PerfEngine.execute(ComposedTestCases.class, reportDir).testEvents()
                .assertThatEvents().haveExactly(1, event(test("spin200us"), finishedWithFailure(
                        instanceOf(SloBreachError.class), message(m -> m.contains("p99 = ") && m.contains("n = 300")))));
        assertThat(onlyTest().budget("p99Ms")).hasValue(0.01);
    }

    private ResultsFile.Test onlyTest() {
        return PerfEngine.onlyTest(reportDir);
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PerfTest(iterations = 300)
    @Slo(p99Ms = 0.01)
    @interface HotPath {
    }

    static class ComposedTestCases {
        @HotPath
        void spin200us() {
            PerfEngine.spin(200_000);
        }
    }

    static class MetTestCases {
        @PerfTest(iterations = 500)
        @Slo(p99Ms = 1000, maxErrorRate = 0)
        void trivial(PerfContext ctx) {
            PerfEngine.spin(20_000);
            ctx.sink(System.identityHashCode(ctx));
        }
    }

    static class BreachTestCases {
        @PerfTest(iterations = 300)
        @Slo(p99Ms = 0.01)
        void spin200us() {
            PerfEngine.spin(200_000);
        }
    }

    static class InconclusiveTestCases {
        @PerfTest(durationMs = 30)
        @Slo(p99Ms = 100)
        void fewSamples() {
            PerfEngine.spin(1_000_000);
        }
    }

    static class ErrorTestCases {
        @PerfTest(iterations = 500, warmupMs = 0)
        void failsOneInTen(PerfContext ctx) {
            if (ctx.invocation() % 10 == 0) {
                throw new IllegalStateException("every tenth");
            }
        }

        @PerfTest(iterations = 500, warmupMs = 0)
        @Slo(maxErrorRate = 0.2)
        void failsOneInTenWithinBudget(PerfContext ctx) {
            failsOneInTen(ctx);
        }
    }

    static class TimeoutTestCases {
        private final CountDownLatch never = new CountDownLatch(1);

        @PerfTest(iterations = 10, timeoutMs = 300, warmupMs = 0)
        void blocksForever() throws InterruptedException {
            never.await();
        }
    }

    static class AbortTestCases {
        @PerfTest(iterations = 10)
        void assumesSomethingFalse() {
            Assumptions.assumeTrue(false, "not on this machine");
        }
    }

    static class LifecycleTestCases {
        static final AtomicInteger before = new AtomicInteger();
        static final AtomicInteger after = new AtomicInteger();
        static final AtomicInteger body = new AtomicInteger();

        static void reset() {
            before.set(0);
            after.set(0);
            body.set(0);
        }

        @BeforeEach
        void setUp() {
            before.incrementAndGet();
        }

        @AfterEach
        void tearDown() {
            after.incrementAndGet();
        }

        @PerfTest(iterations = 1_000, warmupMs = 0)
        void counted() {
            body.incrementAndGet();
        }
    }

    @Slo(meanMs = 0.001, p99Ms = 1000)
    static class ClassLevelSloTestCases {
        @PerfTest(iterations = 300)
        void inheritsTheTightMean() {
            PerfEngine.spin(100_000);
        }

        @PerfTest(iterations = 300)
        @Slo(meanMs = 1000)
        void overridesTheMean() {
            PerfEngine.spin(100_000);
        }
    }

    static class UntimedTestCases {
        @PerfTest(iterations = 300, warmupMs = 0)
        void setUpIsNotTimed(PerfContext ctx) {
            long[] data = ctx.untimed(() -> {
                PerfEngine.spin(2_000_000);
                return new long[] {1, 2, 3};
            });
            ctx.sink(data[0] + data[2]);
        }
    }
}
