package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.apiguardian.api.API;

import dev.junitperf.internal.text.Formats;

/**
 * Say how much other work disturbed a measured phase: the noise meter of every run.
 *
 * <p>Read from Linux's {@code /proc} before and after the measured phase, never inside the timed
 * loop. A figure the machine does not give is empty, and {@link #notes()} says why.
 *
 * @param cpuWaitShare the share of the measuring threads' wall time spent runnable but waiting for a
 *     CPU (0 on an idle machine; about 1/3 for one thread beside two CPU-bound processes on two cores)
 * @param involuntaryContextSwitches how often the measuring threads were preempted
 * @param stealShare the share of the machine's CPU time the hypervisor gave to other guests
 * @param notes why a figure is missing
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NoiseReading(
        OptionalDouble cpuWaitShare,
        OptionalLong involuntaryContextSwitches,
        OptionalDouble stealShare,
        List<String> notes) {

    public NoiseReading {
        notes = List.copyOf(notes);
    }

    /** Return a reading with no figures, and why. */
    public static NoiseReading unmeasured(String why) {
        return new NoiseReading(OptionalDouble.empty(), OptionalLong.empty(), OptionalDouble.empty(), List.of(why));
    }

    /** Describe the reading, e.g. {@code CPU wait 31.0 % · 1,204 involuntary switches · steal 0.0 %}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        cpuWaitShare.ifPresent(w -> parts.add(String.format(Locale.ROOT, "CPU wait %.1f %%", w * 100)));
        involuntaryContextSwitches.ifPresent(n -> parts.add(Formats.count(n) + " involuntary switches"));
        stealShare.ifPresent(st -> parts.add(String.format(Locale.ROOT, "steal %.1f %%", st * 100)));
        return parts.isEmpty() ? "not measured (" + String.join("; ", notes) + ")" : String.join(" · ", parts);
    }

    /** Return the noise level compared with {@code junitperf.noise.threshold}: CPU wait share plus steal share. */
    public double level() {
        return cpuWaitShare.orElse(0) + stealShare.orElse(0);
    }

    /** Report whether the machine gave at least the CPU wait share. */
    public boolean measured() {
        return cpuWaitShare.isPresent();
    }
}
