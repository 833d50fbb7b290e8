package dev.junitperf;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * State how much heap a {@link PerfTest} or {@link PerfSweep} may allocate and retain.
 *
 * <p>On a class it is the default for every perf test in it; on a method it overrides per attribute.
 * Allocation is read from HotSpot's per-thread allocation counters during the measured phase only
 * (warmup excluded, since C2's escape analysis changes what is allocated once code is compiled): it
 * counts the measuring threads exactly and, from snapshots of every other live thread, the work they
 * hand to other threads. Retained heap is read after forced full GCs that are checked to have happened.
 * See {@code docs/memory.md} for exactly what is and is not counted.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PerfExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface MemoryBudget {

    /** The value of an attribute that was not set. */
    long UNSET = Long.MIN_VALUE;

    /** Bytes that one measured invocation may allocate, over all threads, on average. */
    long maxAllocatedBytesPerOp() default UNSET;

    /** Bytes the heap may grow by, after full GCs, from before warmup to after the measurement. */
    long maxRetainedBytes() default UNSET;

    /**
     * Bytes the heap may keep per operation, judged on the slope fitted through checkpoints of an
     * extra, untimed leak-check run of the body (so one noisy difference cannot decide it).
     */
    long maxRetainedBytesPerOp() default UNSET;
}
