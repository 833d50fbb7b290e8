package dev.junitperf.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.junitperf.internal.results.ResultsFile;
import dev.junitperf.internal.text.Formats;

/**
 * Chart the cost of a parameterized sweep: p50 and p99 against the parameter of each invocation.
 *
 * <p>A sweep is every invocation of one test template (two methods over the same parameters are two sweeps). When each
 * display name holds a distinct number (e.g. {@code [3] n = 1000}; the {@code [3]} invocation index
 * is ignored), the x axis is that number, logarithmic when all are positive and span a decade or
 * more; otherwise the invocations are placed side by side in invocation order.
 */
final class SweepCharts {

    private static final Pattern INDEX_PREFIX = Pattern.compile("^\\s*\\[\\d+]\\s*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[,_]\\d{3})*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]?$");
    private static final int MAX_VALUE_TICKS = 10;
    private static final int MAX_LABEL_LENGTH = 14;

    private SweepCharts() {
    }

    /**
     * Group tests into sweeps.
     *
     * @param name the template's display path, e.g. {@code DiscoverySloTests › findByCapability(int)}
     * @param tests its invocations, ordered by parameter or by invocation
     * @param parameters each invocation's number, when every display name holds a distinct one
     */
    record Sweep(String name, List<ResultsFile.Test> tests, double[] parameters) {

        boolean numeric() {
            return parameters.length > 0;
        }
    }

    /** Find every sweep among {@code tests}: the invocations of one template, two or more. */
    static List<Sweep> find(List<ResultsFile.Test> tests) {
        Map<String, List<ResultsFile.Test>> groups = new LinkedHashMap<>();
        for (ResultsFile.Test t : tests) {
            if (TestNames.isInvocation(t)) {
                groups.computeIfAbsent(TestNames.sweepId(t), k -> new ArrayList<>()).add(t);
            }
        }
        List<Sweep> sweeps = new ArrayList<>();
        groups.forEach((id, members) -> {
            if (members.size() > 1) {
                sweeps.add(sweep(TestNames.sweepName(members.get(0)), members));
            }
        });
        sweeps.sort(Comparator.comparing(Sweep::name));
        return sweeps;
    }

    private static Sweep sweep(String name, List<ResultsFile.Test> members) {
        List<ResultsFile.Test> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparingLong(SweepCharts::invocation).thenComparing(ResultsFile.Test::displayName));
        Map<ResultsFile.Test, Double> parameters = new IdentityHashMap<>();
        for (ResultsFile.Test t : ordered) {
            OptionalDouble p = parameter(t.displayName());
            if (p.isEmpty()) {
                return new Sweep(name, ordered, new double[0]);
            }
            parameters.put(t, p.getAsDouble());
        }
        if (parameters.values().stream().distinct().count() < ordered.size()) {
            return new Sweep(name, ordered, new double[0]);
        }
        ordered.sort(Comparator.comparingDouble(parameters::get));
        return new Sweep(name, ordered, ordered.stream().mapToDouble(parameters::get).toArray());
    }

    /** Return the first number in a display name after the {@code [k]} invocation index, e.g. 1000 in {@code n = 1,000}. */
    static OptionalDouble parameter(String displayName) {
        Matcher m = NUMBER.matcher(INDEX_PREFIX.matcher(displayName).replaceFirst(""));
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(m.group().replace(",", "").replace("_", "")));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static long invocation(ResultsFile.Test test) {
        Matcher m = INVOCATION.matcher(test.id());
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** Describe the cost-versus-parameter chart of {@code sweep}. */
    static SvgCharts.Chart chart(Sweep sweep) {
        int n = sweep.tests().size();
        double[] xs = sweep.numeric() ? sweep.parameters() : new double[n];
        double[] p50 = new double[n];
        double[] p99 = new double[n];
        double low = Double.MAX_VALUE;
        double high = 1e-6;
        for (int i = 0; i < n; i++) {
            ResultsFile.Latency latency = sweep.tests().get(i).run().latencyMs();
            xs[i] = sweep.numeric() ? xs[i] : i;
            p50[i] = positiveOrNaN(latency.p50());
            p99[i] = positiveOrNaN(latency.p99());
            for (double y : new double[] {p50[i], p99[i]}) {
                low = Double.isNaN(y) ? low : Math.min(low, y);
                high = Double.isNaN(y) ? high : Math.max(high, y);
            }
        }
        List<SvgCharts.Series> series = List.of(new SvgCharts.Series("p50", "s-p50", xs, p50, true),
                new SvgCharts.Series("p99", "s-p99", xs, p99, true));
        return new SvgCharts.Chart("sweep", "p50 and p99 latency of " + sweep.name() + " by parameter", xAxis(sweep),
                SvgCharts.Axis.decades("latency (log scale)", low == Double.MAX_VALUE ? 1e-6 : low, high,
                        SvgCharts::millisDecade), series, List.of());
    }

    private static double positiveOrNaN(double value) {
        return value > 0 ? value : Double.NaN;
    }

    private static SvgCharts.Axis xAxis(Sweep sweep) {
        List<ResultsFile.Test> tests = sweep.tests();
        if (!sweep.numeric()) {
            int every = Math.max(1, (tests.size() + MAX_VALUE_TICKS - 1) / MAX_VALUE_TICKS);
            List<SvgCharts.Tick> ticks = new ArrayList<>();
            for (int i = 0; i < tests.size(); i += every) {
                ticks.add(new SvgCharts.Tick(i, shorten(tests.get(i).displayName())));
            }
            return new SvgCharts.Axis("invocation", false, -0.5, tests.size() - 0.5, ticks);
        }
        double[] values = sweep.parameters();
        double min = values[0];
        double max = values[values.length - 1];
        if (min > 0 && max / min >= 10) {
            SvgCharts.Axis decades = SvgCharts.Axis.decades("parameter (log scale)", min, max, k -> Formats.count((long) Math.pow(10, k)));
            return values.length > MAX_VALUE_TICKS ? decades
                    : new SvgCharts.Axis(decades.title(), true, decades.min(), decades.max(), valueTicks(values));
        }
        double pad = (max - min) * 0.05;
        return new SvgCharts.Axis("parameter", false, min - pad, max + pad, valueTicks(values));
    }

    private static List<SvgCharts.Tick> valueTicks(double[] values) {
        int every = Math.max(1, (values.length + MAX_VALUE_TICKS - 1) / MAX_VALUE_TICKS);
        List<SvgCharts.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < values.length; i += every) {
            double v = values[i];
            ticks.add(new SvgCharts.Tick(v, v == Math.rint(v) && Math.abs(v) < 1e15 ? Formats.count((long) v) : String.valueOf(v)));
        }
        return ticks;
    }

    private static String shorten(String label) {
        String bare = INDEX_PREFIX.matcher(label).replaceFirst("");
        return bare.length() <= MAX_LABEL_LENGTH ? bare : bare.substring(0, MAX_LABEL_LENGTH - 1) + "…";
    }
}
