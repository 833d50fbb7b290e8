package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apiguardian.api.API;

import dev.junitperf.internal.results.Profile;
import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Draw a breached test's {@linkplain Profile profile} as a flame graph: inline SVG that needs no script to read.
 *
 * <p>The test method sits at the bottom and what it called stacks above it, each frame as wide as its share of
 * the samples; a frame's tooltip ({@code <title>}) gives its full name and its total and self share. At most the
 * {@value #MAX_FRAMES} widest frames are drawn and only frames wide enough get a label, so a graph stays under
 * about 15 KB however deep the stacks were (100 of them fit report.html's 2 MB budget with room to spare). The same drawing is written as a standalone {@code .svg} next to
 * the recording.
 */
@API(status = INTERNAL, since = "0.1")
public final class FlameGraph {

    /** The heading of the section of {@code report.html} that holds a test's flame graph. */
    public static final String SECTION_TITLE = "Flame graph of a re-run under Java Flight Recorder";
    /** The most frames one graph draws. */
    static final int MAX_FRAMES = 64;
    /** How many frames summary.md names per test. */
    static final int TOP_FRAMES = 5;
    static final int WIDTH = 1200;
    static final int ROW = 17;
    private static final double MIN_LABEL_WIDTH = 36;
    private static final double CHAR_WIDTH = 6.6;
    private static final int WARM_SHADES = 6;
    /** The graph's colours, added once to report.html's styles and to every standalone file. */
    static final String STYLE = """
            svg.flame{max-width:100%;height:auto;background:#fff;margin-top:6px}svg.flame rect{stroke:#fff;stroke-width:.5}
            svg.flame text{fill:#1f2328;font-size:11px}.fg-0{fill:#e8553f}.fg-1{fill:#ec7a3c}.fg-2{fill:#f09a3a}
            .fg-3{fill:#f4b740}.fg-4{fill:#dd6b4d}.fg-5{fill:#e99c62}.fg-o{fill:#9fb7cf}.fg-j{fill:#bbbbbb}.fg-r{fill:#d0d7de}
            """;

    private FlameGraph() {
    }

    /** Return the anchor of a test's flame graph in {@code report.html}. */
    public static String anchor(String uniqueId) {
        return TestNames.anchor(uniqueId) + "-profile";
    }

    /** Return the flame graph of {@code test} as a standalone SVG document. */
    public static String svg(ResultsFile.Test test) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        draw(test.profile(), test.testName(), out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flame\"",
                "<style>text{font-family:sans-serif}" + STYLE + "</style>");
        return out.append('\n').toString();
    }

    /** Append the flame-graph section of a test to its part of {@code report.html}, when it has a profile. */
    static void section(ResultsFile.Test test, String label, StringBuilder html) {
        Profile p = test.profile();
        if (p == null) {
            return;
        }
        html.append("<section class=\"profile\" id=\"").append(anchor(test.id())).append("\"><h4>").append(SECTION_TITLE)
                .append("</h4><p class=\"caption\">").append(Html.escape(caption(p))).append("</p>");
        draw(p, label, html, "<svg class=\"flame\"", "");
        html.append("</section>");
    }

    /** Append a table of every profiled test's top frames by self time to {@code summary.md}. */
    static void markdown(List<ResultsFile.Test> tests, Map<String, String> labels, StringBuilder md) {
        List<ResultsFile.Test> profiled = tests.stream().filter(t -> t.profile() != null).toList();
        if (profiled.isEmpty()) {
            return;
        }
        md.append("\n### Where the breached tests spent their time\n\nTop frames by self time in a re-run under Java "
                + "Flight Recorder; the flame graphs are in report.html.\n\n| test | samples | top frames by self time |\n"
                + "|---|---:|---|\n");
        for (ResultsFile.Test t : profiled) {
            Profile p = t.profile();
            md.append("| ").append(MarkdownSummaryWriter.cell(labels.get(t.id()))).append(" | ")
                    .append(Formats.count(p.samples())).append(" every ").append(Formats.millis(p.periodMs())).append(" | ")
                    .append(MarkdownSummaryWriter.cell(topFrames(p, TOP_FRAMES))).append(" |\n");
        }
    }

    /** Name the top frames by self time with their share, e.g. {@code SpinTest.hotLoop 93.4 % · Math.sqrt 2.1 %}. */
    public static String topFrames(Profile p, int count) {
        return p.hottest().stream().limit(count).map(h -> shortName(h.frame()) + " " + share(h.samples(), p.samples()))
                .collect(Collectors.joining(" · "));
    }

    private static String caption(Profile p) {
        return Formats.count(p.samples()) + " execution samples, one every " + Formats.millis(p.periodMs()) + " per thread ("
                + Formats.count(p.bodySamples()) + " in the measured body) · recording " + p.recording()
                + " · the test method at the bottom, what it called above; hover a frame for its share. Top frames by self "
                + "time: " + topFrames(p, TOP_FRAMES);
    }

    private static void draw(Profile p, String label, StringBuilder out, String svgOpen, String style) {
        List<Profile.Frame> drawn = widest(p.root());
        Set<Profile.Frame> visible = Collections.newSetFromMap(new IdentityHashMap<>());
        visible.addAll(drawn);
        int rows = depth(p.root(), visible);
        int height = rows * ROW + 2;
        out.append(svgOpen).append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\"><title>")
                .append(Html.escape(SECTION_TITLE + ": " + label)).append("</title>").append(style);
        frame(p.root(), 0, 0, p.root().samples(), height, "fg-r", visible, out);
        out.append("</svg>");
    }

    private static void frame(Profile.Frame f, int depth, long offset, long total, int height, String css,
                              Set<Profile.Frame> visible, StringBuilder out) {
        double x = (double) offset / total * WIDTH;
        double w = (double) f.samples() / total * WIDTH;
        double y = height - (depth + 1) * ROW;
        out.append("<g><title>").append(Html.escape(f.frame() + " — " + Formats.count(f.samples()) + " samples, "
                + share(f.samples(), total) + " (self " + share(f.self(), total) + ")")).append("</title>");
        Html.coordinate(Html.coordinate(Html.coordinate(out.append("<rect class=\"").append(css).append("\" x=\""), x)
                .append("\" y=\""), y).append("\" width=\""), w).append("\" height=\"").append(ROW - 1).append("\"/>");
        if (w >= MIN_LABEL_WIDTH) {
            String name = fit(depth == 0 ? "all " + Formats.count(f.samples()) + " samples" : shortName(f.frame()), w);
            Html.coordinate(Html.coordinate(out.append("<text x=\""), x + 3).append("\" y=\""), y + ROW - 5).append("\">")
                    .append(Html.escape(name)).append("</text>");
        }
        out.append("</g>");
        long childOffset = offset;
        for (Profile.Frame c : f.children()) {
            if (visible.contains(c)) {
                frame(c, depth + 1, childOffset, total, height, depth == 0 ? rootCss(c) : css.equals("fg-o") || css.equals("fg-j")
                        ? css : warm(c.frame()), visible, out);
            }
            childOffset += c.samples();
        }
    }

    /** Return the {@value #MAX_FRAMES} widest frames, callers before callees of the same width. */
    private static List<Profile.Frame> widest(Profile.Frame root) {
        List<Ranked> all = new ArrayList<>();
        collect(root, 0, all);
        all.sort(Comparator.comparingLong((Ranked r) -> -r.frame().samples()).thenComparingInt(Ranked::depth));
        return all.stream().limit(MAX_FRAMES).map(Ranked::frame).toList();
    }

    private static void collect(Profile.Frame f, int depth, List<Ranked> all) {
        all.add(new Ranked(f, depth));
        f.children().forEach(c -> collect(c, depth + 1, all));
    }

    private record Ranked(Profile.Frame frame, int depth) {
    }

    private static int depth(Profile.Frame f, Set<Profile.Frame> visible) {
        int deepest = 0;
        for (Profile.Frame c : f.children()) {
            if (visible.contains(c)) {
                deepest = Math.max(deepest, depth(c, visible));
            }
        }
        return deepest + 1;
    }

    private static String rootCss(Profile.Frame child) {
        return switch (child.frame()) {
            case "(other threads)" -> "fg-o";
            case "(junit-perf timed loop)" -> "fg-j";
            default -> warm(child.frame());
        };
    }

    private static String warm(String frame) {
        return "fg-" + Math.floorMod(frame.hashCode(), WARM_SHADES);
    }

    /** Return a frame's class simple name and method, e.g. {@code SpinTest.hotLoop} for {@code com.example.SpinTest.hotLoop}. */
    static String shortName(String frame) {
        int method = frame.lastIndexOf('.');
        if (method <= 0) {
            return frame;
        }
        String type = frame.substring(0, method);
        return type.substring(type.lastIndexOf('.') + 1) + frame.substring(method);
    }

    private static String fit(String name, double width) {
        int chars = (int) ((width - 6) / CHAR_WIDTH);
        return name.length() <= chars ? name : name.substring(0, Math.max(1, chars - 1)) + "…";
    }

    /** Write {@code part / total} as a percentage with one decimal, e.g. {@code 93.4 %}; no {@code String.format}, as a page has thousands. */
    private static String share(long part, long total) {
        long tenths = total == 0 ? 0 : Math.round(1000.0 * part / total);
        return tenths / 10 + "." + tenths % 10 + " %";
    }
}
