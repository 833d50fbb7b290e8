package dev.junitperf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Check the extension's architecture with ArchUnit: the packages draw the pipeline without a cycle, the
 * public API shows no internal type, and every public type says its API status.
 */
class ArchitectureTests {

    private static final String API_PACKAGE = "dev.junitperf";
    private static final String INTERNAL = "dev.junitperf.internal..";
    private static final String[] LEAVES = {"dev.junitperf.internal.statistics..", "dev.junitperf.internal.memory..",
        "dev.junitperf.internal.text.."};
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API_PACKAGE);

    @Test
    void packagesFormNoCycle() {
        slices().assignedFrom(new EveryPackage()).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCycleRuleFindsACycle() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("dev.junitperf.testing.cycle");

        assertThatThrownBy(() -> slices().assignedFrom(new EveryPackage()).should().beFreeOfCycles().check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("dev.junitperf.testing.cycle.a")
                .hasMessageContaining("dev.junitperf.testing.cycle.b");
    }

    @Test
    void leafPackagesUseNothingOfJunitPerf() {
        noClasses().that().resideInAnyPackage(LEAVES)
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                        "belong to junit-perf outside their own package") {
                    @Override
                    public boolean test(JavaClass target) {
                        return target.getPackageName().startsWith(API_PACKAGE) && !isLeaf(target.getPackageName());
                    }
                })
                .because("the public API uses them, so they must not use it back")
                .check(MAIN);
    }

    @Test
    void thePublicApiUsesOnlyTheLeavesOfInternal() {
        noClasses().that().resideInAPackage(API_PACKAGE)
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                        "belong to an internal package other than the leaves") {
                    @Override
                    public boolean test(JavaClass target) {
                        return target.getPackageName().startsWith(API_PACKAGE + ".internal") && !isLeaf(target.getPackageName());
                    }
                })
                .because("the engine is reached through the PerfRuntime service interface")
                .check(MAIN);
    }

    @Test
    void reportsReadOnlyTheResultsModel() {
        noClasses().that().resideInAPackage("dev.junitperf.internal.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.junitperf.internal.engine..",
                        "dev.junitperf.internal.measurement..", "dev.junitperf.internal.verdict..",
                        "dev.junitperf.internal.baseline..", "dev.junitperf.internal.config..")
                .because("a report shows what the results file holds, and nothing else")
                .check(MAIN);
    }

    @Test
    void thePublicApiShowsNoInternalType() {
        classes().that().resideInAPackage(API_PACKAGE).and().arePublic()
                .should(showNoInternalTypeInPublicSignatures())
                .check(MAIN);
    }

    @Test
    void everyPublicApiTypeHasAStatusAndASinceVersion() {
        classes().that().resideInAPackage(API_PACKAGE).and().arePublic().and().areTopLevelClasses()
                .and().doNotBelongToAnyOf(PerfRuntime.class, PerfRequest.class)
                .should(carryApiStatus(false))
                .check(MAIN);
    }

    @Test
    void theEngineSeamIsMarkedInternal() {
        classes().that().belongToAnyOf(PerfRuntime.class, PerfRequest.class).and().areTopLevelClasses()
                .should(carryApiStatus(true))
                .because("users must not implement or call the service interface between the API and the engine")
                .check(MAIN);
    }

    @Test
    void everyPublicInternalTypeIsMarkedInternal() {
        classes().that().resideInAPackage(INTERNAL).and().arePublic().and().areTopLevelClasses()
                .should(carryApiStatus(true))
                .check(MAIN);
    }

    private static boolean isLeaf(String packageName) {
        for (String leaf : LEAVES) {
            String root = leaf.substring(0, leaf.length() - 2);
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Put each class in its package's slice, the public API package included. */
    private static final class EveryPackage implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith(API_PACKAGE)
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + API_PACKAGE;
        }
    }

    private static ArchCondition<JavaClass> showNoInternalTypeInPublicSignatures() {
        return new ArchCondition<>("show no type of dev.junitperf.internal in supertypes or public/protected members") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                type.getSuperclass().ifPresent(s -> collectInternal(s, "supertype", leaks));
                type.getInterfaces().forEach(i -> collectInternal(i, "supertype", leaks));
                for (JavaMember member : type.getMembers()) {
                    if (isVisibleToUsers(member)) {
                        signatureTypes(member).forEach(t -> collectInternal(t, member.getFullName(), leaks));
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " shows " + leak));
                }
            }
        };
    }

    private static boolean isVisibleToUsers(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static Stream<JavaType> signatureTypes(JavaMember member) {
        if (member instanceof JavaField field) {
            return Stream.of(field.getType());
        }
        JavaCodeUnit codeUnit = (JavaCodeUnit) member;
        return Stream.of(Stream.of(codeUnit.getReturnType()), codeUnit.getParameterTypes().stream(),
                        codeUnit.getTypeParameters().stream().map(JavaType.class::cast),
                        codeUnit.getThrowsClause().getTypes().stream().map(JavaType.class::cast))
                .flatMap(s -> s);
    }

    private static void collectInternal(JavaType type, String where, List<String> leaks) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (raw.getPackageName().startsWith(API_PACKAGE + ".internal")) {
                leaks.add(raw.getName() + " in " + where);
            }
        }
    }

    /** Require {@code @API}: INTERNAL for internal types; for API types any other status and a since version. */
    private static ArchCondition<JavaClass> carryApiStatus(boolean internal) {
        String expected = internal ? "be annotated @API(status = INTERNAL)"
                : "be annotated @API with a non-INTERNAL status and a since version";
        return new ArchCondition<>(expected) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                apiStatusProblem(type, internal).ifPresent(p -> events.add(SimpleConditionEvent.violated(type,
                        type.getName() + " " + p)));
            }
        };
    }

    private static Optional<String> apiStatusProblem(JavaClass type, boolean internal) {
        var annotation = type.tryGetAnnotationOfType(API.class.getName());
        if (annotation.isEmpty()) {
            return Optional.of("has no @API");
        }
        String status = ((JavaEnumConstant) annotation.get().get("status").orElseThrow()).name();
        String since = (String) annotation.get().get("since").orElse("");
        if (internal != status.equals("INTERNAL")) {
            return Optional.of("has status " + status);
        }
        if (since.isBlank()) {
            return Optional.of("has status " + status + " but no since version");
        }
        return Optional.empty();
    }
}
