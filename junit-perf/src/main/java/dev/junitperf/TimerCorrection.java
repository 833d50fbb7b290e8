package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Say what one timing costs on the judged clock and what was subtracted for it.
 *
 * <p>Measured once per JVM and clock on the very loop that times bodies, with an empty body. Every
 * timing's figure is its window minus {@link #judgedCostNanos()} (and the wall figure minus
 * {@link #wallCostNanos()}), divided by the invocations it covered; see {@code docs/clocks-and-noise.md}.
 *
 * @param clock the judged clock
 * @param judgedCostNanos the median empty window on the judged clock, subtracted from every timing
 * @param wallCostNanos the median empty window on the wall clock, subtracted from every wall figure
 * @param resolutionNanos a timing shorter than this cannot be told from zero: the larger of the interquartile range of
 *     empty windows and a third of their median (how far a real timing's cost may differ from an empty one's)
 * @param perTimingNanos the loop's time per timing, histogram records included, which sets the batch size
 * @param loopNanosPerInvocation what each invocation of a batch costs with an empty body (the loop's own work,
 *     not subtracted, as JMH's loop cost is part of its figures): a body reading this much is an empty body
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TimerCorrection(PerfClock clock, long judgedCostNanos, long wallCostNanos, long resolutionNanos,
                              double perTimingNanos, double loopNanosPerInvocation) {
}
