package dev.junitperf.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;

import org.apiguardian.api.API;

import dev.junitperf.internal.baseline.RegressionCheck;

/**
 * Describe how a run compares with the baseline.
 *
 * @param status {@code NEW} (not in the baseline), {@code CLOCK_CHANGED} (the baseline measured it on another clock
 *     only, so it is not compared), or the worst change status: {@code OK}, {@code WARN}, {@code FAIL}
 * @param warnPct the warning threshold in percent
 * @param failPct the failure threshold in percent
 * @param changes the compared figures
 */
@API(status = INTERNAL, since = "0.1")
public record BaselineDiff(String status, double warnPct, double failPct, List<RegressionCheck.Change> changes) {

    public BaselineDiff {
        changes = List.copyOf(changes);
    }
}
