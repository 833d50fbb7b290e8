package dev.junitperf.internal.measurement;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apiguardian.api.API;

/**
 * Turn the execution samples of a flight recording into a call tree, the data of a flame graph.
 *
 * <p>A sample of a measuring thread (one with a frame of junit-perf's measurement) is cut at the innermost such frame:
 * it, what called it and the method-handle plumbing between it and the body are left out, so the tree's first level
 * is the test method (a sample inside the harness itself, its timer calibration and what it calls of the JDK
 * included, counts as {@value #TIMED_LOOP}). Cutting from the inside keeps this true when JFR's stack depth (64 frames by default) has
 * dropped a deep stack's outer frames; a body whose own stack is deeper than that loses the harness frames and counts
 * under {@value #OTHER_THREADS}. Samples of every other thread (an
 * agent runtime's workers, a pool the body hands work to) are kept whole under {@value #OTHER_THREADS}. Frames are
 * methods ({@code class.method}, hidden-class suffixes removed); nodes with fewer than {@value #MIN_SHARE_PERCENT} %
 * of the samples, and beyond the {@value #MAX_NODES} widest, are left out, their samples still counted in their
 * parent's. Self times are counted before that pruning, so {@link #hottest()} is exact.
 *
 * @param samples every Java execution sample of the recording, JFR's own threads left out
 * @param bodySamples those on the measuring threads
 * @param root the call tree; its frame names the whole recording
 * @param hottest the frames with the most self samples, most first, at most {@value #HOTTEST}
 */
@API(status = INTERNAL, since = "0.1")
public record ExecutionProfile(long samples, long bodySamples, Node root, List<SelfTime> hottest) {

    /** The node of samples taken inside junit-perf's own timing code. */
    public static final String TIMED_LOOP = "(junit-perf timed loop)";
    /** The node of the samples of threads other than the measuring ones. */
    public static final String OTHER_THREADS = "(other threads)";
    static final double MIN_SHARE_PERCENT = 0.5;
    static final int MAX_NODES = 300;
    static final int HOTTEST = 10;
    private static final String ROOT = "all samples";
    private static final String MEASUREMENT = "dev.junitperf.internal.measurement.";
    private static final List<String> HARNESS = List.of(MEASUREMENT, "dev.junitperf.internal.engine.", "java.lang.Thread",
            "java.lang.invoke.", "jdk.internal.");
    /** Where the harness's own callees live: a measuring thread's sample whose outermost kept frame is here is the harness's. */
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("([+/]0x[0-9a-fA-F]+(\\.\\d+)?|\\$\\$Lambda\\$\\d+)");

    /**
     * One frame of the call tree.
     *
     * @param frame the method, {@code class.method}
     * @param samples the samples in it or in what it called
     * @param self the samples in it alone
     * @param children what it called, widest first
     */
    public record Node(String frame, long samples, long self, List<Node> children) {

        public Node {
            children = List.copyOf(children);
        }
    }

    /**
     * A frame and its self samples.
     *
     * @param frame the method
     * @param samples samples with the frame at the top of the stack
     */
    public record SelfTime(String frame, long samples) {
    }

    /** Read the {@code jdk.ExecutionSample} events of {@code recording}. */
    public static ExecutionProfile read(Path recording) throws IOException {
        Tree root = new Tree(ROOT);
        Map<String, Long> self = new HashMap<>();
        long body = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                RecordedStackTrace stack = event.getStackTrace();
                if (!event.getEventType().getName().equals(FlightRecording.EXECUTION_SAMPLE) || stack == null
                        || stack.getFrames().isEmpty() || isJfrThread(stack.getFrames())) {
                    continue;
                }
                List<String> path = path(stack.getFrames().stream().map(ExecutionProfile::name).toList());
                body += path.get(0).equals(OTHER_THREADS) ? 0 : 1;
                root.add(path);
                self.merge(path.get(path.size() - 1), 1L, Long::sum);
            }
        }
        List<SelfTime> hottest = self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(HOTTEST).map(e -> new SelfTime(e.getKey(), e.getValue())).toList();
        return new ExecutionProfile(root.samples, body, root.pruned(threshold(root)), hottest);
    }

    /**
     * Return the frames of a sample from the outermost, given its frames ({@code class.method}) from the innermost: on a
     * measuring thread, cut at the innermost frame of junit-perf's measurement and the method-handle plumbing that
     * calls the body; on another thread, whole under {@value #OTHER_THREADS}.
     */
    static List<String> path(List<String> frames) {
        int harness = -1;
        for (int i = 0; i < frames.size() && harness < 0; i++) {
            harness = frames.get(i).startsWith(MEASUREMENT) ? i : -1;
        }
        int outermost = harness < 0 ? frames.size() - 1 : harness - 1;
        if (harness >= 0) {
            while (outermost >= 0 && HARNESS.stream().anyMatch(frames.get(outermost)::startsWith)) {
                outermost--;
            }
            if (outermost < 0 || JDK.stream().anyMatch(frames.get(outermost)::startsWith)) {
                return List.of(TIMED_LOOP);
            }
        }
        List<String> path = new ArrayList<>(outermost + 2);
        if (harness < 0) {
            path.add(OTHER_THREADS);
        }
        for (int i = outermost; i >= 0; i--) {
            path.add(frames.get(i));
        }
        return path;
    }

    private static boolean isJfrThread(List<RecordedFrame> frames) {
        return frames.stream().anyMatch(f -> type(f).startsWith("jdk.jfr."));
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
    }

    /** Name a frame {@code class.method}, without the address and id JFR gives a hidden class (a lambda, a method handle's form). */
    static String name(RecordedFrame frame) {
        return frame.getMethod() == null ? "(unknown)" : hiddenSuffixRemoved(type(frame)) + "." + frame.getMethod().getName();
    }

    static String hiddenSuffixRemoved(String type) {
        return HIDDEN_SUFFIX.matcher(type).replaceAll("");
    }

    /** Return the fewest samples a node keeps: {@value #MIN_SHARE_PERCENT} % of all, or more to keep {@value #MAX_NODES}. */
    private static long threshold(Tree root) {
        long share = Math.max(1, (long) Math.ceil(root.samples * MIN_SHARE_PERCENT / 100));
        List<Long> widths = new ArrayList<>();
        root.collectWidths(widths);
        widths.sort(Comparator.reverseOrder());
        return widths.size() <= MAX_NODES ? share : Math.max(share, widths.get(MAX_NODES - 1));
    }

    /** The tree while it is built: confined to the reading thread. */
    private static final class Tree {
        final String frame;
        long samples;
        long self;
        final Map<String, Tree> children = new LinkedHashMap<>();

        Tree(String frame) {
            this.frame = frame;
        }

        void add(List<String> path) {
            Tree node = this;
            node.samples++;
            for (String frame : path) {
                node = node.children.computeIfAbsent(frame, Tree::new);
                node.samples++;
            }
            node.self++;
        }

        void collectWidths(List<Long> widths) {
            widths.add(samples);
            children.values().forEach(c -> c.collectWidths(widths));
        }

        Node pruned(long threshold) {
            return new Node(frame, samples, self, children.values().stream().filter(c -> c.samples >= threshold)
                    .sorted(Comparator.comparingLong((Tree c) -> c.samples).reversed().thenComparing(c -> c.frame))
                    .map(c -> c.pruned(threshold)).toList());
        }
    }
}
