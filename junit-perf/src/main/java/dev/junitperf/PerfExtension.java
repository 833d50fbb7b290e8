package dev.junitperf;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Drive {@link PerfTest} and {@link PerfSweep} methods: hand every invocation of one to the engine.
 *
 * <p>The annotations name this class; the engine behind {@link PerfRuntime} validates, warms up,
 * measures, judges and reports. A {@link PerfContext} parameter is resolved here only when JUnit itself
 * invokes the method (smoke mode); during a measurement every thread gets its own.
 */
final class PerfExtension implements InvocationInterceptor, ParameterResolver {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        PerfRuntime.get().intercept(invocation, invocationContext, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        PerfRuntime.get().intercept(invocation, invocationContext, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PerfContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return PerfRuntime.get().contextOutsideMeasurement();
    }
}
