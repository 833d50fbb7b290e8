package dev.junitperf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keep the build snippets honest: every block marked {@code <!-- it: project/file#region -->} in
 * {@code README.md} and {@code docs/*.md} must be, byte for byte, the {@code tag::region[]} part of that file of the invoker ITs
 * ({@code src/it}), once its common indentation is removed and {@code @project.version@} reads as the
 * release version. The ITs build those consumer projects, so a documented snippet is a working one.
 */
class ConsumerSnippetsTests {

    private static final Path DOCS = Path.of("../docs");
    private static final Path README = Path.of("../README.md");
    private static final Path CONSUMER_PROJECTS = Path.of("src/it");
    private static final Path PARENT_POM = Path.of("../pom.xml");
    private static final Pattern MARKED_BLOCK = Pattern.compile("<!-- it: ([\\w./-]+)#([\\w-]+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PARENT_VERSION = Pattern.compile("<artifactId>junit-perf-parent</artifactId>\\s*<version>([^<]+)</version>");

    private record Snippet(String where, String documented, String expected) {
    }

    @Test
    void everyMarkedSnippetIsPartOfAConsumerProject() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> docs = Files.list(DOCS)) {
            Stream<Path> pages = Stream.concat(Stream.of(README), docs.filter(p -> p.toString().endsWith(".md")).sorted());
            for (Path page : pages.toList()) {
                for (Snippet snippet : snippets(Files.readString(page))) {
                    assertThat(snippet.documented()).as("%s in %s", snippet.where(), page.getFileName())
                            .isEqualTo(snippet.expected());
                    checked.add(page.getFileName() + ":" + snippet.where());
                }
            }
        }
        assertThat(checked).as("marked snippets found").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aSnippetThatDriftsFromItsProjectIsCaught() {
        String page = """
                <!-- it: getting-started/pom.xml#dependency -->
                ```xml
                <dependency>
                  <groupId>dev.junitperf</groupId>
                  <artifactId>junit-perf</artifactId>
                  <version>0.0.9</version>
                  <scope>test</scope>
                </dependency>
                ```
                """;

        assertThat(snippets(page)).singleElement()
                .satisfies(s -> assertThat(s.documented()).isNotEqualTo(s.expected()));
    }

    @Test
    void aMarkerNamingNoRegionIsAnError() {
        String page = "<!-- it: getting-started/pom.xml#no-such-region -->\n```xml\n<dependency/>\n```\n";

        assertThatThrownBy(() -> snippets(page)).hasMessageContaining("has no line with tag::no-such-region[]");
    }

    private static List<Snippet> snippets(String page) {
        String releaseVersion = releaseVersion();
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = MARKED_BLOCK.matcher(page);
        while (block.find()) {
            String file = block.group(1);
            String region = block.group(2);
            String expected = dedent(taggedRegion(CONSUMER_PROJECTS.resolve(file), region))
                    .replace("@project.version@", releaseVersion);
            snippets.add(new Snippet(file + "#" + region, block.group(3), expected));
        }
        return snippets;
    }

    private static String releaseVersion() {
        Matcher version = PARENT_VERSION.matcher(read(PARENT_POM));
        assertThat(version.find()).as("the parent POM's version").isTrue();
        return version.group(1).replace("-SNAPSHOT", "");
    }

    private static List<String> taggedRegion(Path file, String region) {
        List<String> lines = read(file).lines().toList();
        int start = indexOfLineContaining(lines, "tag::" + region + "[]", file);
        int end = indexOfLineContaining(lines, "end::" + region + "[]", file);
        assertThat(end).as("end of %s in %s", region, file).isGreaterThan(start);
        return lines.subList(start + 1, end);
    }

    private static int indexOfLineContaining(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError(file + " has no line with " + marker);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
