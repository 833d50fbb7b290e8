package dev.junitperf.internal.measurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Define a private copy of {@link TimedLoopTemplate} as a hidden class whose constants are one thread's body and clock.
 *
 * <p>Hidden classes are not strongly reachable from their loader, so each copy is unloaded once its
 * measurement is over.
 */
final class TimedLoopFactory {

    private static final byte[] TEMPLATE = readTemplate();
    private static final MethodType BODY_TYPE = MethodType.methodType(void.class);

    private TimedLoopFactory() {
    }

    /** Return loops that invoke {@code body}, a {@code ()void} handle, and read clock {@code clockCode} ({@link Clocks}), as constants. */
    static TimedLoops forBody(MethodHandle body, int clockCode) {
        if (!body.type().equals(BODY_TYPE)) {
            throw new IllegalArgumentException("body must be a ()void handle, but was " + body.type());
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, List.of(body, clockCode), true);
            return (TimedLoops) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("junit-perf could not define its timed loop", e);
        }
    }

    private static byte[] readTemplate() {
        try (InputStream in = TimedLoopFactory.class.getResourceAsStream("TimedLoopTemplate.class")) {
            if (in == null) {
                throw new IllegalStateException("junit-perf is missing TimedLoopTemplate.class");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
