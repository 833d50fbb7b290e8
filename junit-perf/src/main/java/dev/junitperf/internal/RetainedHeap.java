package dev.junitperf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read the heap retained by a measurement: used heap after full GCs before warmup and after measuring.
 *
 * <p>Both readings are taken while the harness's own structures (samplers, histograms, hidden loop
 * classes) are alive, so they cancel out and only what the code under test keeps is left.
 */
final class RetainedHeap {

    private final boolean wanted;
    private final List<String> notes = new ArrayList<>();
    private Optional<Long> before = Optional.empty();
    private OptionalLong bytes = OptionalLong.empty();

    private RetainedHeap(boolean wanted) {
        this.wanted = wanted;
    }

    static RetainedHeap notMeasured() {
        return new RetainedHeap(false);
    }

    static RetainedHeap before() {
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

    void after() {
        if (!wanted || before.isEmpty()) {
            return;
        }
        Optional<Long> after = GcControl.usedHeapAfterFullGc();
        if (after.isEmpty()) {
            notes.add("retained heap not measured: System.gc() did not run a collection after the measurement");
            return;
        }
        bytes = OptionalLong.of(after.get() - before.get());
    }

    OptionalLong bytes() {
        return bytes;
    }

    List<String> notes() {
        return notes;
    }
}
