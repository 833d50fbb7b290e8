package dev.agentruntime.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Fail the build if any test code of any module sleeps: waiting uses Awaitility, latches, futures or
 * the runtime's event latches, because a sleep is either too long (slow suite) or too short (flaky).
 */
class NoSleepRuleTests {

    /** Built from parts so that this file does not match itself. */
    private static final Pattern SLEEP = Pattern.compile("Thread\\s*\\.\\s*" + "sleep\\s*\\(|TimeUnit\\s*\\.\\s*[A-Z]+\\s*\\.\\s*" + "sleep\\s*\\(");

    @Test
    void noTestCodeSleeps() throws IOException {
        Path root = Path.of("..").toRealPath();
        List<Path> testSources;
        try (Stream<Path> modules = Files.list(root)) {
            testSources = modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory)
                    .flatMap(NoSleepRuleTests::javaFiles).collect(Collectors.toList());
        }

        assertThat(testSources).as("test sources found under %s", root).hasSizeGreaterThan(20);
        assertThat(testSources).as("test files that sleep").noneMatch(NoSleepRuleTests::sleeps);
    }

    @Test
    void ruleRecognisesBothFormsOfSleeping() {
        assertThat(SLEEP.matcher("Thread." + "sleep(10);").find()).isTrue();
        assertThat(SLEEP.matcher("TimeUnit.MILLISECONDS." + "sleep(10);").find()).isTrue();
        assertThat(SLEEP.matcher("await().atMost(Duration.ofSeconds(1))").find()).isFalse();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sleeps(Path file) {
        try {
            return SLEEP.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
