package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apiguardian.api.API;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import dev.junitperf.PerfContext;
import dev.junitperf.Slo;
import dev.junitperf.internal.config.ConfigErrors;

/**
 * Find and check the reference method of {@code @Slo(fasterThan)}.
 *
 * @param method the reference method
 * @param byFactor the required speed-up
 */
@API(status = INTERNAL, since = "0.1")
public record ReferenceMethod(Method method, double byFactor) {

    /** Resolve the reference of a test method from its merged {@code @Slo}, or empty when none is stated. */
    public static Optional<ReferenceMethod> resolve(Class<?> testClass, Method test, Optional<Slo> onClass, Optional<Slo> onMethod) {
        String name = onMethod.map(Slo::fasterThan).filter(n -> !n.isEmpty())
                .or(() -> onClass.map(Slo::fasterThan).filter(n -> !n.isEmpty())).orElse("");
        double factor = onMethod.map(Slo::byFactor).filter(f -> f != Slo.UNSET)
                .or(() -> onClass.map(Slo::byFactor).filter(f -> f != Slo.UNSET)).orElse(Slo.UNSET);
        if (name.isEmpty()) {
            if (factor != Slo.UNSET) {
                throw ConfigErrors.misuse("@Slo sets `byFactor` without `fasterThan`: name the reference method to compare with, "
                        + "e.g. @Slo(fasterThan = \"naiveVersion\", byFactor = " + factor + ")");
            }
            return Optional.empty();
        }
        if (name.equals(test.getName())) {
            throw ConfigErrors.attribute("@Slo", "fasterThan", "\"" + name + "\"", "another method than the test itself");
        }
        double byFactor = factor == Slo.UNSET ? 1.0 : factor;
        if (!(byFactor > 0) || Double.isInfinite(byFactor)) {
            throw ConfigErrors.attribute("@Slo", "byFactor", byFactor, "a finite number greater than 0, e.g. 1.5");
        }
        List<Method> candidates = ReflectionSupport.findMethods(testClass,
                m -> m.getName().equals(name) && fits(m, test), HierarchyTraversalMode.TOP_DOWN);
        if (candidates.isEmpty()) {
            throw ConfigErrors.misuse(String.format("@Slo(fasterThan = \"%s\") names no usable method %s in %s: declare "
                    + "void %s() or void %s(PerfContext), or one with the same parameters as %s()",
                    name, name, testClass.getSimpleName(), name, name, test.getName()));
        }
        return Optional.of(new ReferenceMethod(candidates.get(0), byFactor));
    }

    /** Return the arguments to call the reference with, given the test's resolved arguments. */
    public List<Object> arguments(Method test, List<Object> testArguments) {
        Class<?>[] types = method.getParameterTypes();
        if (types.length == 0) {
            return List.of();
        }
        if (Arrays.equals(types, test.getParameterTypes())) {
            return testArguments;
        }
        return Arrays.asList(new Object[1]);
    }

    private static boolean fits(Method m, Method test) {
        Class<?>[] types = m.getParameterTypes();
        return m.getReturnType() == void.class && (types.length == 0
                || (types.length == 1 && types[0] == PerfContext.class)
                || Arrays.equals(types, test.getParameterTypes()));
    }
}
