package dev.junitperf.examples;

import dev.junitperf.PerfContext;
import dev.junitperf.PerfTest;
import dev.junitperf.Slo;

// tag::example[]
/** Run with junitperf.jfr=on-breach: a breach of this test comes with a flame graph of where its time went. */
class FlameGraphDocExample {

    private final String[] names = new String[20_000];

    FlameGraphDocExample() {
        for (int i = 0; i < names.length; i++) {
            names[i] = "customer-" + i;
        }
    }

    @PerfTest(iterations = 5_000, warmupMs = 100)
    @Slo(p50Ms = 0.5)
    void findCustomer(PerfContext ctx) {
        ctx.sink(indexOf(names[(int) (ctx.invocation() * 7_919 % names.length)]));
    }

    /** A linear search: the hot spot the flame graph shows when the budget is tightened. */
    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
// end::example[]
