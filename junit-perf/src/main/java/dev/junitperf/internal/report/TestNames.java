package dev.junitperf.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apiguardian.api.API;

import dev.junitperf.internal.results.ResultsFile;

/**
 * Name tests for people and for tools, the same way in every report.
 *
 * <p>A person reads the test's {@linkplain ResultsFile.Test#testName() display path}, what JUnit shows in its tree:
 * the class, the method and, for a sweep, the invocation. Where two tests of one run would read alike (two classes
 * of the same simple name, two invocations of the same display name), the label gains what tells them apart: the
 * package-qualified class, then the invocation index. A tool's name ({@code benchmark-action.json}) is built from
 * what does not change when a display name is reworded: the class's binary name and the method's signature, plus
 * the invocation's display name for a sweep.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestNames {

    private static final Pattern METHOD_SEGMENT = Pattern.compile("\\[(?:method|test-template):([^\\]]+)]");
    private static final Pattern INVOCATION_SEGMENT = Pattern.compile("/\\[test-template-invocation:#(\\d+)]$");
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+(?=[\\w$]+)");

    private TestNames() {
    }

    /** Return each test's label by id, unique among {@code tests}. */
    static Map<String, String> labels(List<ResultsFile.Test> tests) {
        return unique(tests, ResultsFile.Test::testName, TestNames::qualified, t -> qualified(t) + invocationSuffix(t));
    }

    /** Return each test's name in {@code benchmark-action.json} by id, unique among {@code tests} and stable across runs. */
    static Map<String, String> benchmarkNames(List<ResultsFile.Test> tests) {
        Function<ResultsFile.Test, String> signature = t -> t.className() + "." + methodSignature(t)
                + (isInvocation(t) ? " " + t.displayName() : "");
        return unique(tests, signature, t -> signature.apply(t) + invocationSuffix(t), t -> t.id());
    }

    /**
     * Return the anchor of a test's section in {@code report.html}: a hash of its unique id, so that a failure
     * message written before the report exists can link to it.
     */
    public static String anchor(String uniqueId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uniqueId.getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Return the unique id of the sweep a test belongs to: its template's, or its own for a plain test. */
    static String sweepId(ResultsFile.Test test) {
        return INVOCATION_SEGMENT.matcher(test.id()).replaceFirst("");
    }

    /** Return a sweep's name: the display path of its template, e.g. {@code DiscoverySloTests › findByCapability(int)}. */
    static String sweepName(ResultsFile.Test invocation) {
        List<String> path = invocation.displayPath();
        return path.size() > 1 ? String.join(ResultsFile.Test.PATH_SEPARATOR, path.subList(0, path.size() - 1))
                : ReportText.simpleName(invocation.className()) + "." + invocation.method();
    }

    /** Return whether the test is an invocation of a template (a sweep's), not a plain test method. */
    static boolean isInvocation(ResultsFile.Test test) {
        return INVOCATION_SEGMENT.matcher(test.id()).find();
    }

    /** Return the method's signature with simple parameter type names, e.g. {@code votingRound(int, PerfContext)}. */
    static String methodSignature(ResultsFile.Test test) {
        Matcher m = METHOD_SEGMENT.matcher(test.id());
        String signature = null;
        while (m.find()) {
            signature = m.group(1);
        }
        return signature == null ? test.method() + "()" : PACKAGE_PREFIX.matcher(signature).replaceAll("");
    }

    /** Return the label with the class's package-qualified name in place of its display name. */
    private static String qualified(ResultsFile.Test test) {
        List<String> path = test.displayPath();
        String topLevel = test.className().contains("$")
                ? test.className().substring(0, test.className().indexOf('$')) : test.className();
        return path.isEmpty() ? test.className() + ResultsFile.Test.PATH_SEPARATOR + test.displayName()
                : topLevel + ResultsFile.Test.PATH_SEPARATOR + String.join(ResultsFile.Test.PATH_SEPARATOR,
                        path.subList(1, path.size()));
    }

    private static String invocationSuffix(ResultsFile.Test test) {
        Matcher m = INVOCATION_SEGMENT.matcher(test.id());
        return m.find() ? " #" + m.group(1) : " [" + test.id() + "]";
    }

    /** Name every test by the first namer; a name that two tests share is replaced by the next namer's, and so on. */
    @SafeVarargs
    private static Map<String, String> unique(List<ResultsFile.Test> tests, Function<ResultsFile.Test, String>... namers) {
        Map<String, String> names = new LinkedHashMap<>();
        List<ResultsFile.Test> pending = new ArrayList<>(tests);
        for (int level = 0; level < namers.length && !pending.isEmpty(); level++) {
            Map<String, List<ResultsFile.Test>> byName = new HashMap<>();
            for (ResultsFile.Test t : pending) {
                byName.computeIfAbsent(namers[level].apply(t), k -> new ArrayList<>()).add(t);
            }
            boolean last = level == namers.length - 1;
            List<ResultsFile.Test> clashing = new ArrayList<>();
            byName.forEach((name, named) -> {
                if (named.size() == 1 || last) {
                    named.forEach(t -> names.put(t.id(), name));
                } else {
                    clashing.addAll(named);
                }
            });
            pending = clashing;
        }
        return names;
    }
}
