package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read the labels of a rendered SVG chart back with an estimate of their boxes, for tests of the layout.
 *
 * <p>The estimate is written here independently of {@link LabelLayout}: 0.68 em a character of an 11 px font (wider
 * than the average glyph of DejaVu Sans, the widest common fallback), 0.95 em above the baseline and 0.25 em below.
 * {@code HtmlReportChromiumTests} checks the real boxes in a browser.
 */
final class SvgLabels {

    static final double WIDTH = 640;
    static final double HEIGHT = 280;
    private static final double EM = 11;
    private static final Pattern GROUP = Pattern.compile("<g class=\"(ticks|axis-title|legend)\">(.*?)</g>");
    private static final Pattern TEXT = Pattern.compile(
            "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" text-anchor=\"(start|middle|end)\">(.*?)</text>");
    private static final Pattern ROTATED = Pattern.compile(
            "<text text-anchor=\"middle\" transform=\"translate\\(([-0-9.]+) ([-0-9.]+)\\) rotate\\(-90\\)\">(.*?)</text>");

    private SvgLabels() {
    }

    /** Which part of the chart a label belongs to. */
    enum Kind { TICK, TITLE, LEGEND, MARKER }

    /** A label and its estimated box. */
    record Label(Kind kind, String text, double x0, double y0, double x1, double y1) {

        boolean intersects(Label other) {
            return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
        }

        boolean insideViewBox() {
            return x0 >= 0 && y0 >= 0 && x1 <= WIDTH && y1 <= HEIGHT;
        }
    }

    /** Return every label of one {@code <svg>} element. */
    static List<Label> of(String svg) {
        List<Label> labels = new ArrayList<>();
        Matcher groups = GROUP.matcher(svg);
        StringBuilder rest = new StringBuilder();
        int end = 0;
        while (groups.find()) {
            rest.append(svg, end, groups.start());
            end = groups.end();
            Kind kind = switch (groups.group(1)) {
                case "ticks" -> Kind.TICK;
                case "legend" -> Kind.LEGEND;
                default -> Kind.TITLE;
            };
            texts(groups.group(2), kind, labels);
            Matcher rotated = ROTATED.matcher(groups.group(2));
            while (rotated.find()) {
                double x = Double.parseDouble(rotated.group(1));
                double y = Double.parseDouble(rotated.group(2));
                double w = width(rotated.group(3));
                labels.add(new Label(Kind.TITLE, rotated.group(3), x - 0.95 * EM, y - w / 2, x + 0.25 * EM, y + w / 2));
            }
        }
        rest.append(svg.substring(end));
        texts(rest.toString(), Kind.MARKER, labels);
        return labels;
    }

    private static void texts(String svg, Kind kind, List<Label> labels) {
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            double w = width(m.group(4));
            double x0 = switch (m.group(3)) {
                case "end" -> x - w;
                case "middle" -> x - w / 2;
                default -> x;
            };
            labels.add(new Label(kind, m.group(4), x0, y - 0.95 * EM, x0 + w, y + 0.25 * EM));
        }
    }

    private static double width(String escaped) {
        String text = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        return text.codePointCount(0, text.length()) * 0.68 * EM;
    }
}
