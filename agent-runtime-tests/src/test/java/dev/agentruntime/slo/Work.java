package dev.agentruntime.slo;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Say how many times an SLO test's body does its work: once, or five times to stand in for a 5× slower runtime.
 *
 * <p>{@link RegressionSensitivityTests} runs the suite's own tests with the configuration parameter
 * {@value #FACTOR} set to 5: the same code doing five times the work, judged against the same budgets.
 * That is what "a 5× slower runtime fails its budget" means, unlike a scaled budget, which would not
 * show whether the clock sees the extra work.
 *
 * @param factor how many times to repeat the work per invocation
 */
record Work(int factor) {

    /** The configuration parameter holding the factor (default 1). */
    static final String FACTOR = "agentruntime.slo.workFactor";

    /** Resolve a {@link Work} parameter from {@value #FACTOR}. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Work.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            String value = context.getConfigurationParameter(FACTOR).orElse("1");
            try {
                int factor = Integer.parseInt(value.trim());
                if (factor < 1) {
                    throw new NumberFormatException();
                }
                return new Work(factor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Configuration parameter `" + FACTOR + "` must be a whole number of "
                        + "at least 1, but was '" + value + "'", e);
            }
        }
    }
}
