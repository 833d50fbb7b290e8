package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;

import org.apiguardian.api.API;

/** Start fluent assertions on a {@link PerfResult}, in the style of AssertJ. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PerfAssertions {

    private PerfAssertions() {
    }

    /** Return assertions on {@code actual}. */
    public static PerfResultAssert assertThat(PerfResult actual) {
        return new PerfResultAssert(Objects.requireNonNull(actual, "actual"));
    }
}
