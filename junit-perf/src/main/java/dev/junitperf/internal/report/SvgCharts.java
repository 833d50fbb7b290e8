package dev.junitperf.internal.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * Draw small line charts as inline SVG, with no script and no external resource.
 *
 * <p>Coordinates are rounded to one decimal and consecutive points that round to the same pixel are
 * dropped, so a chart stays a few kilobytes however many samples lie behind it. Callers cap the
 * number of points they pass. Labels never overlap: {@link LabelLayout} places them.
 */
final class SvgCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    private static final String[] DURATION_UNITS = {"ns", "µs", "ms", "s"};

    private SvgCharts() {
    }

    /** Place one labelled tick on an axis. */
    record Tick(double value, String label) {
    }

    /**
     * Describe an axis: its range, whether it is logarithmic, and its ticks.
     *
     * @param title the axis title
     * @param log whether values are placed by their logarithm (they must then be positive)
     * @param min the value at the start of the axis
     * @param max the value at the end of the axis
     * @param ticks the labelled ticks, each also drawn as a grid line
     */
    record Axis(String title, boolean log, double min, double max, List<Tick> ticks) {

        /** Return where {@code value} lies between min (0) and max (1), clamped to the axis. */
        double fraction(double value) {
            double f = log
                    ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (value - min) / (max - min);
            return Math.max(0, Math.min(1, f));
        }

        /** Build a linear axis from 0 to at least {@code highest}, with at most about ten round ticks. */
        static Axis linear(String title, double highest, DoubleFunction<String> label) {
            double span = highest > 0 ? highest : 1;
            double step = Math.pow(10, Math.floor(Math.log10(span / 10)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (span / (step * m) <= 10) {
                    step *= m;
                    break;
                }
            }
            List<Tick> ticks = new ArrayList<>();
            int count = (int) Math.ceil(span / step - 1e-9);
            for (int k = 0; k <= count; k++) {
                ticks.add(new Tick(k * step, label.apply(k * step)));
            }
            return new Axis(title, false, 0, count * step, ticks);
        }

        /** Build a log axis over whole decades covering {@code [lowest, highest]}, one tick per decade. */
        static Axis decades(String title, double lowest, double highest, IntFunction<String> label) {
            int from = (int) Math.floor(Math.log10(lowest));
            int to = Math.max(from + 1, (int) Math.ceil(Math.log10(highest)));
            List<Tick> ticks = new ArrayList<>();
            for (int k = from; k <= to; k++) {
                ticks.add(new Tick(Math.pow(10, k), label.apply(k)));
            }
            return new Axis(title, true, Math.pow(10, from), Math.pow(10, to), ticks);
        }
    }

    /** Label the decade of {@code 10^exponent} milliseconds in the unit that suits it, e.g. {@code 1 µs} for -3, {@code 100 ms} for 2. */
    static String millisDecade(int exponent) {
        int nanosExponent = exponent + 6;
        int unit = Math.max(0, Math.min(3, Math.floorDiv(nanosExponent, 3)));
        return BigDecimal.ONE.scaleByPowerOfTen(nanosExponent - 3 * unit).toPlainString() + " " + DURATION_UNITS[unit];
    }

    /**
     * Describe one line of a chart.
     *
     * @param name the legend text
     * @param cssClass the class giving the line its colour
     * @param xs the x values
     * @param ys the y values, as many as {@code xs}; points with a non-finite value are skipped
     * @param markers whether to draw a dot on each point (for charts with few points)
     */
    record Series(String name, String cssClass, double[] xs, double[] ys, boolean markers) {
    }

    /** Mark one labelled point, e.g. an objective's budget. */
    record Marker(double x, double y, String label) {
    }

    /**
     * Describe a whole chart.
     *
     * @param cssClass the chart's class, e.g. {@code spectrum}
     * @param description the accessible description, also shown as a tooltip
     * @param x the horizontal axis
     * @param y the vertical axis
     * @param series the lines, drawn in order
     * @param markers the labelled points drawn over the lines
     */
    record Chart(String cssClass, String description, Axis x, Axis y, List<Series> series, List<Marker> markers) {
    }

    /**
     * Shade one stretch of the x axis, e.g. a phase of a load profile.
     *
     * @param from where it starts on the x axis
     * @param to where it ends
     * @param label the text drawn at its top, also its tooltip
     */
    record Band(double from, double to, String label) {
    }

    /** Render {@code chart} as an {@code <svg>} element. */
    static void render(Chart chart, StringBuilder out) {
        render(chart, List.of(), out);
    }

    /** Render {@code chart} as an {@code <svg>} element, with {@code bands} shaded behind its lines, alternately. */
    static void render(Chart chart, List<Band> bands, StringBuilder out) {
        LabelLayout layout = LabelLayout.of(chart.y().ticks().stream().map(Tick::label).toList());
        out.append("<svg class=\"chart ").append(chart.cssClass()).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\"><title>")
                .append(Html.escape(chart.description())).append("</title>");
        for (int i = 0; i < bands.size(); i++) {
            band(chart, layout, bands.get(i), i % 2, out);
        }
        grid(chart, layout, out);
        for (Series s : chart.series()) {
            line(chart, layout, s, out);
        }
        legend(chart.series(), layout, out);
        for (Marker m : chart.markers()) {
            marker(chart, layout, m, out);
        }
        out.append("</svg>");
    }

    private static void grid(Chart chart, LabelLayout layout, StringBuilder out) {
        out.append("<path class=\"grid\" d=\"");
        for (Tick t : chart.x().ticks()) {
            Html.coordinate(out.append('M'), layout.px(chart.x(), t.value())).append(' ').append(LabelLayout.TOP).append('V')
                    .append(LabelLayout.PLOT_BOTTOM);
        }
        for (Tick t : chart.y().ticks()) {
            Html.coordinate(out.append('M').append(layout.left()).append(' '), layout.py(chart.y(), t.value())).append('H')
                    .append(LabelLayout.PLOT_RIGHT);
        }
        out.append("\"/><g class=\"ticks\">");
        for (Tick t : chart.y().ticks()) {
            layout.tickLabel(layout.left() - 6, layout.py(chart.y(), t.value()) + 3, "end", t.label())
                    .ifPresent(p -> text(out, p, t.label()));
        }
        for (Tick t : chart.x().ticks()) {
            layout.tickLabel(layout.px(chart.x(), t.value()), LabelLayout.X_TICK_BASELINE, "middle", t.label())
                    .ifPresent(p -> text(out, p, t.label()));
        }
        out.append("</g><g class=\"axis-title\">");
        text(out, layout.fixed((layout.left() + LabelLayout.PLOT_RIGHT) / 2.0, HEIGHT - 8, "middle", chart.x().title()),
                chart.x().title());
        out.append("<text text-anchor=\"middle\" transform=\"translate(").append(LabelLayout.Y_TITLE_X).append(' ');
        Html.coordinate(out, (LabelLayout.TOP + LabelLayout.PLOT_BOTTOM) / 2.0).append(") rotate(-90)\">")
                .append(Html.escape(chart.y().title())).append("</text></g>");
    }

    /**
     * Shade a band; its label sits at the top of the plot on one of two rows by parity, so a narrow band's label does
     * not run into the next one's, and is left out (its tooltip stays) where it would still overlap one.
     */
    private static void band(Chart chart, LabelLayout layout, Band b, int parity, StringBuilder out) {
        double x0 = layout.px(chart.x(), b.from());
        double x1 = layout.px(chart.x(), b.to());
        out.append("<g class=\"band b").append(parity).append("\"><title>").append(Html.escape(b.label())).append("</title>");
        Html.coordinate(Html.coordinate(out.append("<rect x=\""), x0).append("\" y=\"").append(LabelLayout.TOP)
                .append("\" width=\""), Math.max(0, x1 - x0)).append("\" height=\"")
                .append(LabelLayout.PLOT_BOTTOM - LabelLayout.TOP).append("\"/>");
        layout.bandLabel((x0 + x1) / 2, parity, b.label()).ifPresent(p -> text(out, p, b.label()));
        out.append("</g>");
    }

    private static void line(Chart chart, LabelLayout layout, Series s, StringBuilder out) {
        StringBuilder dots = new StringBuilder();
        out.append("<polyline class=\"series ").append(s.cssClass()).append("\" points=\"");
        long last = Long.MIN_VALUE;
        for (int i = 0; i < s.xs().length; i++) {
            if (!Double.isFinite(s.xs()[i]) || !Double.isFinite(s.ys()[i])) {
                continue;
            }
            double x = layout.px(chart.x(), s.xs()[i]);
            double y = layout.py(chart.y(), s.ys()[i]);
            long pixel = Math.round(x * 10) * 100_000 + Math.round(y * 10);
            if (pixel == last) {
                continue;
            }
            last = pixel;
            Html.coordinate(Html.coordinate(out, x).append(','), y).append(' ');
            if (s.markers()) {
                Html.coordinate(Html.coordinate(dots.append("<circle class=\"dot ").append(s.cssClass()).append("\" cx=\""), x)
                        .append("\" cy=\""), y).append("\" r=\"3\"/>");
            }
        }
        out.append("\"/>").append(dots);
    }

    private static void marker(Chart chart, LabelLayout layout, Marker m, StringBuilder out) {
        double x = layout.px(chart.x(), m.x());
        double y = layout.py(chart.y(), m.y());
        out.append("<path class=\"budget\" d=\"M");
        Html.coordinate(Html.coordinate(out, x - 5).append(' '), y).append("h10\"/>");
        text(out, layout.markerLabel(x, y, m.label()), m.label());
    }

    private static void legend(List<Series> series, LabelLayout layout, StringBuilder out) {
        out.append("<g class=\"legend\">");
        double x = layout.left();
        for (Series s : series) {
            String name = layout.legendName(x + 24, s.name());
            Html.coordinate(out.append("<path class=\"series ").append(s.cssClass()).append("\" d=\"M"), x).append(" 14h18\"/>");
            text(out, layout.fixed(x + 24, 18, "start", name), name);
            x += 40 + LabelLayout.width(name);
        }
        out.append("</g>");
    }

    private static void text(StringBuilder out, LabelLayout.Placement at, String label) {
        Html.coordinate(Html.coordinate(out.append("<text x=\""), at.x()).append("\" y=\""), at.y()).append("\" text-anchor=\"")
                .append(at.anchor()).append("\">").append(Html.escape(label)).append("</text>");
    }
}
