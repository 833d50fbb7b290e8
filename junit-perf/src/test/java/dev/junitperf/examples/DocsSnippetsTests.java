package dev.junitperf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keep the docs honest: every Java block marked {@code <!-- example: Name -->} in {@code docs/*.md}
 * must be the {@code tag::example} region of the compiled {@code examples/Name.java}.
 */
class DocsSnippetsTests {

    private static final Path DOCS = Path.of("../docs");
    private static final Path EXAMPLES = Path.of("src/test/java/dev/junitperf/examples");
    private static final Pattern MARKED_BLOCK = Pattern.compile("<!-- example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TAGGED_REGION = Pattern.compile("// tag::example\\[]\\n(.*?)// end::example\\[]", Pattern.DOTALL);

    @Test
    void everyMarkedSnippetIsCompiledCode() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher block = MARKED_BLOCK.matcher(Files.readString(page));
                while (block.find()) {
                    String example = block.group(1);
                    Matcher region = TAGGED_REGION.matcher(Files.readString(EXAMPLES.resolve(example + ".java")));
                    assertThat(region.find()).as("%s has a tag::example region", example).isTrue();
                    assertThat(normalise(block.group(2))).as("%s in %s", example, page.getFileName())
                            .isEqualTo(normalise(region.group(1)));
                    checked.add(page.getFileName() + ":" + example);
                }
            }
        }
        assertThat(checked).as("marked snippets found").hasSizeGreaterThanOrEqualTo(8);
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
