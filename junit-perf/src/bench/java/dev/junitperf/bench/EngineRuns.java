package dev.junitperf.bench;

import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Check that a fixture's engine run passed, so no benchmark figure comes from a failed test. */
final class EngineRuns {

    private EngineRuns() {
    }

    /** Throw unless exactly one test ran and succeeded. */
    static EngineExecutionResults requireOneSuccess(Class<?> fixture, EngineExecutionResults results) {
        long succeeded = results.testEvents().succeeded().count();
        if (succeeded == 1 && results.testEvents().failed().count() == 0) {
            return results;
        }
        Throwable cause = results.allEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
        throw new IllegalStateException(fixture.getName() + " did not pass (" + succeeded + " succeeded)", cause);
    }
}
