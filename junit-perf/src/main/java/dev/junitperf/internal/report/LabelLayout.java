package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Place the labels of one chart so that none overlaps another and every one lies inside the view box.
 *
 * <p>Design notes: there is no font at render time, so a label's box is estimated, and generously: every
 * character is taken as {@value #CHAR_EM} em wide (wider than the average glyph of the sans-serif fonts browsers
 * fall back to, DejaVu Sans included), the box as tall as the font's ascent plus descent. The left margin grows
 * with the widest y tick label, so tick labels never reach the rotated y-axis title. Tick labels are placed first,
 * the y axis before the x axis; one that would overlap a placed label is left out (its grid line stays). Titles and
 * the legend sit in bands of their own. A marker label (a budget) stays inside the plot area, so it cannot reach
 * a tick label, and tries positions above and below its tick, left and right of it, until one is free. One layout
 * serves one chart and one thread.
 */
final class LabelLayout {

    /** The width of one character, in em, that every box is estimated with. */
    static final double CHAR_EM = 0.68;
    static final double FONT_SIZE = 11;
    static final double ASCENT = 0.95 * FONT_SIZE;
    static final double DESCENT = 0.25 * FONT_SIZE;
    static final int TOP = 30;
    static final int PLOT_BOTTOM = SvgCharts.HEIGHT - 48;
    /** Where x tick labels sit below the plot: far enough that the lowest y tick label never touches the first. */
    static final int X_TICK_BASELINE = PLOT_BOTTOM + 20;
    static final int PLOT_RIGHT = SvgCharts.WIDTH - 24;
    /** Where the rotated y-axis title's baseline runs. */
    static final int Y_TITLE_X = 14;
    private static final int MIN_LEFT = 70;
    private static final double GAP = 3;
    private static final double EDGE = 2;
    private static final double LINE = FONT_SIZE + 2;

    private final double left;
    private final List<Box> placed = new ArrayList<>();

    private LabelLayout(double left) {
        this.left = left;
        placed.add(new Box(Y_TITLE_X - ASCENT, TOP, Y_TITLE_X + DESCENT, PLOT_BOTTOM));
    }

    /** Start the layout of a chart whose y axis carries these tick labels. */
    static LabelLayout of(List<String> yTickLabels) {
        double widest = yTickLabels.stream().mapToDouble(LabelLayout::width).max().orElse(0);
        return new LabelLayout(Math.ceil(Math.max(MIN_LEFT, Y_TITLE_X + DESCENT + 2 * GAP + 6 + widest)));
    }

    /** Return the estimated width of a label. */
    static double width(String label) {
        return label.codePointCount(0, label.length()) * CHAR_EM * FONT_SIZE;
    }

    /** Return the x of the plot's left edge. */
    double left() {
        return left;
    }

    /** Return the x of {@code value} on {@code axis}. */
    double px(SvgCharts.Axis axis, double value) {
        return left + axis.fraction(value) * (PLOT_RIGHT - left);
    }

    /** Return the y of {@code value} on {@code axis}. */
    double py(SvgCharts.Axis axis, double value) {
        return PLOT_BOTTOM - axis.fraction(value) * (PLOT_BOTTOM - TOP);
    }

    /** Place a tick label, moved inside the view box if need be, or return empty when it would overlap a placed label. */
    Optional<Placement> tickLabel(double x, double y, String anchor, String label) {
        Placement p = insideViewBox(new Placement(x, y, anchor), label);
        Box box = p.box(label);
        if (overlapsPlaced(box)) {
            return Optional.empty();
        }
        placed.add(box);
        return Optional.of(p);
    }

    /** Place a title or legend entry in its band, moved inside the view box if need be. */
    Placement fixed(double x, double y, String anchor, String label) {
        Placement p = insideViewBox(new Placement(x, y, anchor), label);
        placed.add(p.box(label));
        return p;
    }

    /**
     * Place the label of a shaded band centred at {@code x} at the top of the plot, on row {@code row} (0 or 1) or
     * else the other, or return empty when it would overlap a placed label on both.
     */
    Optional<Placement> bandLabel(double x, int row, String label) {
        for (int r : new int[] {row, 1 - row}) {
            Placement p = insidePlot(new Placement(x, TOP + ASCENT + 1 + LINE * r, "middle"), label);
            if (!overlapsPlaced(p.box(label))) {
                placed.add(p.box(label));
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Shorten a legend entry that starts at {@code x} so that it ends inside the view box. */
    String legendName(double x, String name) {
        int fits = (int) Math.floor((SvgCharts.WIDTH - EDGE - x) / (CHAR_EM * FONT_SIZE));
        return name.codePointCount(0, name.length()) <= fits ? name
                : name.substring(0, name.offsetByCodePoints(0, Math.max(0, fits - 1))) + "…";
    }

    /** Place the label of a marker at {@code (x, y)} inside the plot area, at the first free position near it. */
    Placement markerLabel(double x, double y, String label) {
        Placement first = null;
        for (int step = 0; step * LINE < PLOT_BOTTOM - TOP; step++) {
            double dy = step % 2 == 0 ? -4 - LINE * (step / 2) : ASCENT + 2 + LINE * (step / 2);
            for (Placement candidate : List.of(new Placement(x - 7, y + dy, "end"), new Placement(x + 7, y + dy, "start"))) {
                Placement p = insidePlot(candidate, label);
                first = first == null ? p : first;
                if (!overlapsPlaced(p.box(label))) {
                    placed.add(p.box(label));
                    return p;
                }
            }
        }
        placed.add(first.box(label));
        return first;
    }

    private boolean overlapsPlaced(Box box) {
        return placed.stream().anyMatch(b -> b.grownBy(GAP).intersects(box));
    }

    private static Placement insideViewBox(Placement p, String label) {
        return shifted(p, label, EDGE, SvgCharts.WIDTH - EDGE, ASCENT + EDGE, SvgCharts.HEIGHT - DESCENT - EDGE);
    }

    private Placement insidePlot(Placement p, String label) {
        return shifted(p, label, left + EDGE, SvgCharts.WIDTH - EDGE, TOP + ASCENT, PLOT_BOTTOM - DESCENT);
    }

    /** Move {@code p} so that its box lies within {@code [minX, maxX]} and its baseline within {@code [minY, maxY]}. */
    private static Placement shifted(Placement p, String label, double minX, double maxX, double minY, double maxY) {
        Box box = p.box(label);
        double dx = box.x0() < minX ? minX - box.x0() : box.x1() > maxX ? maxX - box.x1() : 0;
        return new Placement(p.x() + dx, Math.max(minY, Math.min(maxY, p.y())), p.anchor());
    }

    /**
     * Where a label is drawn: its SVG {@code x}, {@code y} (the baseline) and {@code text-anchor}.
     *
     * @param x where the anchor lies
     * @param y the baseline
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    record Placement(double x, double y, String anchor) {

        /** Return the estimated box of {@code label} drawn here. */
        Box box(String label) {
            double w = width(label);
            double x0 = switch (anchor) {
                case "end" -> x - w;
                case "middle" -> x - w / 2;
                default -> x;
            };
            return new Box(x0, y - ASCENT, x0 + w, y + DESCENT);
        }
    }

    /** A rectangle: left, top, right, bottom. */
    record Box(double x0, double y0, double x1, double y1) {

        boolean intersects(Box other) {
            return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
        }

        Box grownBy(double margin) {
            return new Box(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
        }
    }
}
