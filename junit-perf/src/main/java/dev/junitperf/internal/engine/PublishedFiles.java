package dev.junitperf.internal.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Attach a test's files (its results JSON, its flight recording, its flame graph) to JUnit's report with
 * {@code ExtensionContext.publishFile}, so that IDEs and build tools that show JUnit's file entries show them.
 *
 * <p>Design notes: {@code publishFile} came with JUnit 5.12 and its media type moved from
 * {@code org.junit.jupiter.api.extension.MediaType} (5.12) to {@code org.junit.jupiter.api.MediaType} (5.13+), so
 * the method is found reflectively once, preferring the newer type; on JUnit 5.10 and 5.11 there is none and
 * nothing is attached, silently: the files stay in the report directory either way. When JUnit refuses a file (no
 * output directory, as under EngineTestKit by default) the test goes on and standard error names the file and the
 * reason, once per reason in a JVM: a run of hundreds of tests refused for one reason gets one line, not hundreds.
 */
final class PublishedFiles {

    static final String JSON = "application/json";
    static final String SVG = "image/svg+xml";
    static final String BINARY = "application/octet-stream";
    private static final Optional<Method> PUBLISH_FILE = publishFile();
    private static final Set<String> REFUSALS_SHOWN = ConcurrentHashMap.newKeySet();

    private PublishedFiles() {
    }

    /** Return whether this JUnit can attach files (5.12+). */
    static boolean supported() {
        return PUBLISH_FILE.isPresent();
    }

    /** Attach a copy of {@code file} to the report of {@code context}'s test, under its own name, where JUnit can. */
    static void publish(ExtensionContext context, Path file, String mediaType) {
        if (PUBLISH_FILE.isEmpty() || !Files.isRegularFile(file)) {
            return;
        }
        Method method = PUBLISH_FILE.get();
        ThrowingConsumer<Path> copy = target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        try {
            Object type = method.getParameterTypes()[1].getMethod("parse", String.class).invoke(null, mediaType);
            method.invoke(context, file.getFileName().toString(), type, copy);
        } catch (InvocationTargetException e) {
            refused(file, String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            refused(file, String.valueOf(e));
        }
    }

    private static void refused(Path file, String reason) {
        if (REFUSALS_SHOWN.add(reason)) {
            System.err.println("[junit-perf] could not attach " + file + " to the JUnit report (it stays in the report "
                    + "directory; other files refused for the same reason in this JVM are not named): " + reason);
        }
    }

    private static Optional<Method> publishFile() {
        return Arrays.stream(ExtensionContext.class.getMethods())
                .filter(m -> m.getName().equals("publishFile") && m.getParameterCount() == 3
                        && m.getParameterTypes()[0] == String.class && m.getParameterTypes()[2] == ThrowingConsumer.class
                        && m.getParameterTypes()[1].getName().endsWith(".MediaType"))
                .min(Comparator.comparing((Method m) -> !m.getParameterTypes()[1].getName().equals("org.junit.jupiter.api.MediaType")));
    }
}
