/**
 * Stage 5, reports: render {@code report.html}, {@code summary.md}, {@code benchmark-action.json}, the console
 * line and the console summary, all from the typed results model.
 *
 * <p><b>May use:</b> {@code internal.results}, the public API's enums and the leaves; never the stages before it,
 * so a report shows exactly what the results file holds.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
