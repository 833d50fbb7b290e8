package dev.junitperf.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Measure the {@link Bodies} with JMH; {@link JmhComparisonBenchmark} runs these through JMH's {@code Runner}.
 *
 * <p>Modes, time unit, iterations and forks are set by the runner's options, not here, so that the
 * quick smoke mode and the full run use the same methods. Each method returns the body's value, which
 * JMH consumes with its blackhole; the junit-perf side passes the same value to {@code ctx.sink}. Each
 * body's state is a per-thread JMH state holding the same {@link Bodies} state class the junit-perf
 * fixture holds in a field.
 */
public class JmhBodies {

    /** Measure {@link Bodies#empty()}. */
    @Benchmark
    public void empty() {
        Bodies.empty();
    }

    /** Measure {@link Bodies#arithmetic}. */
    @Benchmark
    public double arithmetic(Arithmetic s) {
        return Bodies.arithmetic(s.state);
    }

    /** Measure {@link Bodies#hashLookup}. */
    @Benchmark
    public Integer hashLookup(HashLookup s) {
        return Bodies.hashLookup(s.state);
    }

    /** Measure {@link Bodies#jackson}. */
    @Benchmark
    public String jackson(Jackson s) {
        return Bodies.jackson(s.state);
    }

    /** Measure {@link Bodies#spin}. */
    @Benchmark
    public long spin200us(Spin s) {
        return Bodies.spin(s.state);
    }

    /** Hold {@link Bodies.ArithmeticState} for one JMH thread. */
    @State(Scope.Thread)
    public static class Arithmetic {
        final Bodies.ArithmeticState state = new Bodies.ArithmeticState();
    }

    /** Hold {@link Bodies.HashLookupState} for one JMH thread. */
    @State(Scope.Thread)
    public static class HashLookup {
        final Bodies.HashLookupState state = new Bodies.HashLookupState();
    }

    /** Hold {@link Bodies.JacksonState} for one JMH thread. */
    @State(Scope.Thread)
    public static class Jackson {
        final Bodies.JacksonState state = new Bodies.JacksonState();
    }

    /** Hold {@link Bodies.SpinState} for one JMH thread. */
    @State(Scope.Thread)
    public static class Spin {
        final Bodies.SpinState state = new Bodies.SpinState();
    }
}
