package dev.junitperf.internal.report;

import java.util.List;
import java.util.Locale;

import dev.junitperf.internal.results.ResultsFile;

/**
 * Show the results earlier runs left in the report directory (a test since deleted, or not selected this time) as
 * what they are: listed with their time, apart from this run's tests and never counted with them.
 */
final class EarlierResults {

    /** How many earlier results summary.md names; the rest are counted. */
    static final int MARKDOWN_LIMIT = 10;

    private EarlierResults() {
    }

    /** Append the section of {@code report.html}, or nothing when there are no earlier results. */
    static void html(ResultsFile results, StringBuilder html) {
        List<ResultsFile.EarlierResult> earlier = results.earlierResults();
        if (earlier.isEmpty()) {
            return;
        }
        html.append("<h2>Earlier results</h2>\n<p class=\"caption\">").append(Html.escape(sentence(earlier)))
                .append("</p><details><summary>").append(earlier.size()).append(" earlier result")
                .append(earlier.size() == 1 ? "" : "s").append("</summary><table class=\"earlier\"><thead><tr>")
                .append("<th>test</th><th>verdict then</th><th>written</th></tr></thead><tbody>\n");
        for (ResultsFile.EarlierResult e : earlier) {
            html.append("<tr><td class=\"test\" title=\"").append(Html.escape(e.id())).append("\">")
                    .append(Html.escape(e.test())).append("</td><td>").append(HtmlReportWriter.verdictBadge(e.verdict()))
                    .append("</td><td>").append(Html.escape(time(e.finishedAt()))).append("</td></tr>\n");
        }
        html.append("</tbody></table></details>\n");
    }

    /** Append the paragraph of {@code summary.md}, or nothing when there are no earlier results. */
    static void markdown(ResultsFile results, StringBuilder md) {
        List<ResultsFile.EarlierResult> earlier = results.earlierResults();
        if (earlier.isEmpty()) {
            return;
        }
        md.append('\n').append(MarkdownSummaryWriter.cell(sentence(earlier))).append('\n');
        earlier.stream().limit(MARKDOWN_LIMIT).forEach(e -> md.append(String.format(Locale.ROOT, "- %s: %s, written %s%n",
                MarkdownSummaryWriter.cell(e.test()), e.verdict(), time(e.finishedAt()))));
        if (earlier.size() > MARKDOWN_LIMIT) {
            md.append("- and ").append(earlier.size() - MARKDOWN_LIMIT).append(" more (see report.html)\n");
        }
    }

    /** Return the console summary's line, or an empty string when there are no earlier results. */
    static String consoleLine(ResultsFile results) {
        return results.earlierResults().isEmpty() ? "" : sentence(results.earlierResults()) + System.lineSeparator();
    }

    private static String sentence(List<ResultsFile.EarlierResult> earlier) {
        int n = earlier.size();
        return String.format(Locale.ROOT, "%d result%s in tests/ %s from earlier runs (the latest written %s): a test since "
                        + "deleted or not run this time. Not part of this run, not counted above.", n, n == 1 ? "" : "s",
                n == 1 ? "is" : "are", time(earlier.get(0).finishedAt()));
    }

    /** Write an ISO-8601 instant to the second, e.g. {@code 2026-12-01 11:40:33 UTC}. */
    static String time(String iso) {
        if (iso == null || iso.length() < 19 || iso.charAt(10) != 'T') {
            return String.valueOf(iso);
        }
        return iso.substring(0, 10) + " " + iso.substring(11, 19) + (iso.endsWith("Z") ? " UTC" : "");
    }
}
