package dev.junitperf.internal.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.junitperf.internal.config.LoadPlan;

/** The intended starts of an open loop: a constant rate as before, and any profile of ramps and constants exactly. */
class ArrivalScheduleTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aConstantRateStartsInvocationKAtKOverTheRate() {
        ArrivalSchedule.Arrivals thread1of4 = ArrivalSchedule.constant(2_000).forThread(1, 4);

        assertThat(thread1of4.offsetNanos(0)).isEqualTo(500_000);
        assertThat(thread1of4.offsetNanos(10)).isEqualTo(20_500_000);
    }

    @Test
    void aRampFromZeroStartsInvocationKAtTheSquareRootOfItsShare() {
        // 0 → 2,000/s over 1 s: n(t) = 1,000 t², so invocation k starts at sqrt(k / 1,000) s.
        ArrivalSchedule.Arrivals arrivals = plan(new LoadPlan.Phase("up", 1_000 * MS, 0, 2_000)).forThread(0, 1);

        assertThat(arrivals.offsetNanos(0)).isZero();
        assertThat(arrivals.offsetNanos(250) / 1e9).isCloseTo(0.5, within(1e-6));
        assertThat(arrivals.offsetNanos(999) / 1e9).isCloseTo(Math.sqrt(0.999), within(1e-6));
        assertThat(arrivals.offsetNanos(1_000)).as("past the last phase: the schedule's end").isEqualTo(1_000 * MS);
    }

    @Test
    void everyProfileStartsThePlannedInvocationsOfEachPhaseInOrder() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 400)).ofSizeBetween(1, 6), integers().between(1, 4))
                .checkAssert((rates, threads) -> {
                    List<LoadPlan.Phase> phases = new ArrayList<>();
                    for (int i = 0; i < rates.size(); i++) {
                        int from = rates.get(i);
                        int to = rates.get((i + 1) % rates.size()) + (i % 2 == 0 ? 0 : 50);
                        phases.add(new LoadPlan.Phase("p" + i, (100 + 37L * i) * MS, from, Math.max(to, from == 0 ? 1 : 0)));
                    }
                    LoadPlan plan = new LoadPlan(phases);
                    ArrivalSchedule schedule = ArrivalSchedule.of(plan);
                    long[] perPhase = new long[phases.size()];
                    for (int t = 0; t < threads; t++) {
                        ArrivalSchedule.Arrivals arrivals = schedule.forThread(t, threads);
                        long previous = -1;
                        for (long i = 0; ; i++) {
                            long at = arrivals.offsetNanos(i);
                            if (at >= plan.totalNanos()) {
                                break;
                            }
                            assertThat(at).isGreaterThanOrEqualTo(previous);
                            assertThat(at).isBetween(plan.startNanos(arrivals.phase), plan.startNanos(arrivals.phase + 1));
                            perPhase[arrivals.phase]++;
                            previous = at;
                        }
                    }
                    double before = 0;
                    for (int p = 0; p < phases.size(); p++) {
                        double after = before + phases.get(p).plannedInvocations();
                        assertThat(perPhase[p]).as("phase %d of %s", p, phases)
                                .isEqualTo((long) Math.ceil(after - 1e-9) - (long) Math.ceil(before - 1e-9));
                        before = after;
                    }
                });
    }

    private static ArrivalSchedule plan(LoadPlan.Phase... phases) {
        return ArrivalSchedule.of(new LoadPlan(List.of(phases)));
    }
}
