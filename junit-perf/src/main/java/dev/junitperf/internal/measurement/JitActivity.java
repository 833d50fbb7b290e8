package dev.junitperf.internal.measurement;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tell whether the JIT is busy: a token that changes while the compiler threads run or wait to run.
 *
 * <p>Design notes: on Linux the token is the sum of the on-CPU and run-queue time of the JVM's compiler
 * threads ({@code /proc/self/task/<tid>/schedstat} of the tasks named {@code C1/C2 CompilerThre…}). An idle
 * compiler thread sleeps, so the token stands still; one that compiles, or has work queued but cannot get a
 * CPU on a busy machine, moves it. The JVM's accumulated compilation time is not enough on its own: it only
 * grows when a compilation completes, so a starved compiler with a full queue looks idle. Elsewhere that
 * compilation time is the token. Reading it costs a few microseconds, which is why it is only read between
 * warmup chunks. An instance is used by one thread.
 */
final class JitActivity {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private List<Path> compilerThreads;

    private JitActivity(List<Path> compilerThreads) {
        this.compilerThreads = compilerThreads;
    }

    /** Find the compiler threads now (the JVM may add some later; a failed read rescans). */
    static JitActivity observe() {
        return new JitActivity(findCompilerThreads());
    }

    /** Return a number that changes while the JIT compiles or waits to compile. */
    long token() {
        if (compilerThreads.isEmpty()) {
            return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
        }
        long sum = 0;
        for (Path schedstat : compilerThreads) {
            try {
                String[] fields = new String(Files.readAllBytes(schedstat), StandardCharsets.US_ASCII).trim().split(" ");
                sum += Long.parseLong(fields[0]) + Long.parseLong(fields[1]);
            } catch (IOException | RuntimeException e) {
                compilerThreads = findCompilerThreads();
                return -1;
            }
        }
        return sum + compilerThreads.size();
    }

    private static List<Path> findCompilerThreads() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(TASKS)) {
            return found;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        found.add(task.resolve("schedstat"));
                    }
                } catch (IOException | RuntimeException ended) {
                    // A task that ended while listing is no compiler thread of ours.
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }
}
