package dev.junitperf.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import org.apiguardian.api.API;

import dev.junitperf.HeapProbe;
import dev.junitperf.MemoryProfile;
import dev.junitperf.PerfContext;
import dev.junitperf.internal.config.ConfigErrors;
import dev.junitperf.internal.measurement.SamplingContext;

/**
 * Bind a test method to its instance and arguments as a {@code ()void} handle, one per measuring thread.
 *
 * <p>Each thread gets its own {@link SamplingContext} in place of any {@link PerfContext} argument.
 */
@API(status = INTERNAL, since = "0.1")
public final class BoundBody {

    private static final long MIN_LEAK_CHECK_OPERATIONS = 1_000;
    private static final long MAX_LEAK_CHECK_OPERATIONS = 1_000_000;

    private BoundBody() {
    }

    /** Return a handle to {@code method} bound to {@code target} (ignored for static methods). */
    public static MethodHandle bind(Method method, Object target) throws IllegalAccessException {
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            method.setAccessible(true);
            lookup = MethodHandles.lookup();
        }
        MethodHandle handle = lookup.unreflect(method);
        if (!Modifier.isStatic(method.getModifiers())) {
            if (target == null) {
                throw ConfigErrors.misuse("junit-perf found no test instance for " + method);
            }
            handle = handle.bindTo(target);
        }
        return handle;
    }

    /** Return the {@code ()void} handle one thread invokes: the bound method, its arguments and that thread's context. */
    public static MethodHandle forThread(MethodHandle handle, Class<?>[] types, List<Object> resolved, SamplingContext ctx) {
        Object[] args = resolved.toArray();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == PerfContext.class) {
                args[i] = ctx;
            }
        }
        return MethodHandles.insertArguments(handle, 0, args).asType(MethodType.methodType(void.class));
    }

    /**
     * Run the body again, untimed, on the calling thread, with heap checkpoints after full GCs.
     *
     * <p>As many operations as were measured (at least {@value #MIN_LEAK_CHECK_OPERATIONS}, at most
     * {@value #MAX_LEAK_CHECK_OPERATIONS}), so a leak shows as a slope well above GC noise.
     */
    public static MemoryProfile leakCheck(MethodHandle bound, Class<?>[] types, List<Object> arguments, long measured)
            throws Exception {
        MethodHandle body = forThread(bound, types, arguments, new SamplingContext(0, 1));
        long operations = Math.max(MIN_LEAK_CHECK_OPERATIONS, Math.min(MAX_LEAK_CHECK_OPERATIONS, measured));
        return HeapProbe.of(i -> invoke(body)).run(operations);
    }

    private static void invoke(MethodHandle body) throws Exception {
        try {
            body.invokeExact();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
