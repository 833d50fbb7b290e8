/**
 * The results model between the stages: the typed results file ({@code ResultsFile}, whose record
 * components are the JSON schema), its store on disk ({@code ResultsStore}: per-test files, the aggregate, atomic
 * writes) and the histogram codec. Pure data: it knows no stage.
 *
 * <p><b>May use:</b> the public API's enums only.
 */
@API(status = INTERNAL, since = "0.1")
package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
