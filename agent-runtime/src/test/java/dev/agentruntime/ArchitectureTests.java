package dev.agentruntime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

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
 * Check the architecture of the runtime's main classes with ArchUnit: which package may use which,
 * what the public API may show, and the API status markers.
 */
class ArchitectureTests {

    private static final String API = "dev.agentruntime";
    private static final String INTERNAL = "dev.agentruntime.internal..";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    /**
     * The two packages need each other (internal implements the public contracts; AgentSystem
     * creates the runtime), so AgentSystem is a slice of its own: contracts &lt;- internal &lt;- AgentSystem.
     * The one edge back is {@link AgentContext#system()}, which hands out the entry point it runs in.
     */
    @Test
    void packagesAndTheEntryPointFormNoCycle() {
        slices().assignedFrom(new PackagesWithEntryPoint())
                .should().beFreeOfCycles()
                .ignoreDependency(AgentContext.class, AgentSystem.class)
                .check(MAIN);
    }

    @Test
    void onlyTheEntryPointOfThePublicPackageUsesInternal() {
        noClasses().that().resideInAPackage(API).and().doNotBelongToAnyOf(AgentSystem.class)
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("the contracts must not depend on their implementation; AgentSystem alone creates it")
                .check(MAIN);
    }

    @Test
    void internalNeverDependsOnTheEntryPoint() {
        noClasses().that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat().belongToAnyOf(AgentSystem.class)
                .because("the runtime must not call back into the AgentSystem that owns it (no SystemCore mirror)")
                .check(MAIN);
    }

    @Test
    void thePublicApiShowsNoInternalType() {
        classes().that().resideInAPackage(API).and().arePublic()
                .should(showNoInternalTypeInPublicSignatures())
                .check(MAIN);
    }

    @Test
    void everyPublicApiTypeHasAStatusAndASinceVersion() {
        classes().that().resideInAPackage(API).and().arePublic()
                .should(carryApiStatus(false))
                .check(MAIN);
    }

    @Test
    void everyPublicInternalTypeIsMarkedInternal() {
        classes().that().resideInAPackage(INTERNAL).and().arePublic()
                .should(carryApiStatus(true))
                .check(MAIN);
    }

    /** Put each class in its package's slice, except AgentSystem, which gets a slice of its own. */
    private static final class PackagesWithEntryPoint implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getName();
            if (name.equals(AgentSystem.class.getName()) || name.startsWith(AgentSystem.class.getName() + "$")) {
                return SliceIdentifier.of("entry point AgentSystem");
            }
            return javaClass.getPackageName().startsWith(API) ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + API + ", with AgentSystem apart";
        }
    }

    private static ArchCondition<JavaClass> showNoInternalTypeInPublicSignatures() {
        return new ArchCondition<>("show no type of dev.agentruntime.internal in supertypes or public/protected members") {
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
            if (raw.getPackageName().startsWith("dev.agentruntime.internal")) {
                leaks.add(raw.getName() + " in " + where);
            }
        }
    }

    /** Require {@code @ApiStatus}: INTERNAL for internal types; for API types any other status and a since version. */
    private static ArchCondition<JavaClass> carryApiStatus(boolean internal) {
        String expected = internal ? "be annotated @ApiStatus(status = INTERNAL)" : "be annotated @ApiStatus with a non-INTERNAL status and a since version";
        return new ArchCondition<>(expected) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> problem = apiStatusProblem(type, internal);
                problem.ifPresent(p -> events.add(SimpleConditionEvent.violated(type, type.getName() + " " + p)));
            }
        };
    }

    private static Optional<String> apiStatusProblem(JavaClass type, boolean internal) {
        var annotation = type.tryGetAnnotationOfType(ApiStatus.class.getName());
        if (annotation.isEmpty()) {
            return Optional.of("has no @ApiStatus");
        }
        String status = ((JavaEnumConstant) annotation.get().get("status").orElseThrow()).name();
        String since = (String) annotation.get().get("since").orElse("");
        if (internal != status.equals("INTERNAL")) {
            return Optional.of("has status " + status);
        }
        if (!internal && since.isBlank()) {
            return Optional.of("has status " + status + " but no since version");
        }
        return Optional.empty();
    }
}
