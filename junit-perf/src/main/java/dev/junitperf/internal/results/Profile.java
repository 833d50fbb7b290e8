package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;

import org.apiguardian.api.API;

/**
 * Where a breached test spent its time: the execution samples of a re-run under Java Flight Recorder
 * ({@code junitperf.jfr=on-breach}) as a call tree, the data of its flame graph. Part of the results file
 * ({@code profile} of a test); see docs/results-format.md.
 *
 * @param recording the {@code .jfr} file, relative to the report directory
 * @param periodMs how often each thread running Java code was sampled
 * @param samples every execution sample of the recording
 * @param bodySamples those on the measuring threads
 * @param root the call tree: its children are the test method (the measured body, cut at junit-perf's harness),
 *        {@code (junit-perf timed loop)} and {@code (other threads)}; frames below 0.5 % of the samples are left
 *        out, their samples still counted in their caller's
 * @param hottest the frames with the most self samples over the whole recording, most first (counted before
 *        pruning, so exact)
 */
@API(status = INTERNAL, since = "0.1")
public record Profile(String recording, double periodMs, long samples, long bodySamples, Frame root,
                      List<SelfTime> hottest) {

    public Profile {
        hottest = hottest == null ? List.of() : List.copyOf(hottest);
    }

    /**
     * One frame of the call tree.
     *
     * @param frame the method, {@code class.method}
     * @param samples samples in it or in what it called
     * @param self samples in it alone
     * @param children what it called, widest first
     */
    public record Frame(String frame, long samples, long self, List<Frame> children) {

        public Frame {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /**
     * A frame and the samples with it at the top of the stack.
     *
     * @param frame the method
     * @param samples its self samples
     */
    public record SelfTime(String frame, long samples) {
    }
}
