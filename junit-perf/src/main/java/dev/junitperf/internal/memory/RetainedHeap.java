package dev.junitperf.internal.memory;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.apiguardian.api.API;

/**
 * Read the heap retained by a measurement: used heap after full GCs before warmup and after measuring.
 *
 * <p>Both readings are taken while the harness's own structures (samplers, histograms, hidden loop
 * classes) are alive, so they cancel out and only what the code under test keeps is left.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetainedHeap {

    private final boolean wanted;
    private final List<String> notes = new ArrayList<>();
    private Optional<Long> before = Optional.empty();
    private OptionalLong bytes = OptionalLong.empty();

    private RetainedHeap(boolean wanted) {
        this.wanted = wanted;
    }

    public static RetainedHeap notMeasured() {
        return new RetainedHeap(false);
    }

    public static RetainedHeap before() {
        RetainedHeap heap = new RetainedHeap(true);
        GcControl.deadSpaceWarning().ifPresent(heap.notes::add);
        Optional<String> untrustworthy = GcControl.untrustworthyReason();
        if (untrustworthy.isPresent()) {
            heap.notes.add("retained heap not measured: " + untrustworthy.get());
            return heap;
        }
        heap.before = GcControl.usedHeapAfterFullGc();
        if (heap.before.isEmpty()) {
            heap.notes.add("retained heap not measured: System.gc() did not run a collection");
        }
        return heap;
    }

    public void after() {
        after(0, "");
    }

    /**
     * Read the heap after the measurement, leaving out {@code ownBytes} that the measurement itself kept for the
     * report (described by {@code what}), with a note saying so when there are any.
     */
    public void after(long ownBytes, String what) {
        if (!wanted || before.isEmpty()) {
            return;
        }
        Optional<Long> after = GcControl.usedHeapAfterFullGc();
        if (after.isEmpty()) {
            notes.add("retained heap not measured: System.gc() did not run a collection after the measurement");
            return;
        }
        bytes = OptionalLong.of(after.get() - before.get() - ownBytes);
        if (ownBytes > 0) {
            notes.add(String.format(Locale.ROOT, "retained heap leaves out the %,d B of %s that junit-perf kept for the report",
                    ownBytes, what));
        }
    }

    public OptionalLong bytes() {
        return bytes;
    }

    public List<String> notes() {
        return notes;
    }
}
