package dev.agentruntime.slo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.agentruntime.slo.rulefixture.Sleeper;

/**
 * Fail the build if any test code of any module sleeps: waiting uses Awaitility, latches, futures or
 * the runtime's event latches, because a sleep is either too long (slow suite) or too short (flaky).
 *
 * <p>Checked by ArchUnit on the compiled test classes of every module (this module builds last, so they
 * are there), which sees every call to {@code Thread.sleep} and {@code TimeUnit.sleep} however it is written.
 */
class NoSleepRuleTests {

    private static final List<Path> TEST_CLASSES = List.of(Path.of("../junit-perf/target/test-classes"),
            Path.of("../agent-runtime/target/test-classes"), Path.of("target/test-classes"));
    private static final String FIXTURE = Sleeper.class.getPackageName();

    private static final ArchRule NO_SLEEP = noClasses().should().callMethodWhere(new DescribedPredicate<>(
            "Thread.sleep or TimeUnit.sleep") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTargetOwner().getName();
            return call.getName().equals("sleep")
                    && (owner.equals(Thread.class.getName()) || owner.equals(TimeUnit.class.getName()));
        }
    }).because("tests wait with Awaitility, latches, futures or events, never with a sleep");

    @Test
    void noTestCodeSleeps() {
        assertThat(TEST_CLASSES).as("every module's test classes are compiled").allMatch(Files::isDirectory);
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/" + FIXTURE.replace('.', '/') + "/"))
                .importPaths(TEST_CLASSES);

        assertThat(tests.size()).as("test classes found").isGreaterThan(100);
        NO_SLEEP.check(tests);
    }

    @Test
    void ruleRecognisesBothFormsOfSleeping() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Sleeper.class);

        assertThatThrownBy(() -> NO_SLEEP.check(fixture))
                .hasMessageContaining("was violated (2 times)")
                .hasMessageContaining("Thread.sleep(long)")
                .hasMessageContaining("TimeUnit.sleep(long)");
    }
}
