package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apiguardian.api.API;

/**
 * Name the test run a JVM's perf tests belong to, so that the reports describe this run and not files that earlier
 * runs left in the report directory.
 *
 * <p>Design notes: one run is one build invocation, which may spread its tests over several JVMs (Surefire's
 * {@code forkCount}, two Surefire executions, Failsafe after Surefire) that all write into one report directory.
 * What they share, and an earlier run does not, is the build tool's process: Maven's JVM, the nearest Java
 * ancestor of a Surefire or Failsafe fork (between them sits a shell, one per fork, so the fork's direct parent
 * will not do). A process is named by its pid and its start time, as a pid alone is reused. Both come from
 * {@link ProcessHandle}, which reads {@code /proc} on Linux and the system's process table on macOS and Windows.
 * Where no such ancestor is found (the JVM is not a Surefire fork, or the OS hides the ancestor's command or start
 * time) the run is this JVM: right for an IDE, for Surefire without forks ({@code forkCount=0}, where this JVM is
 * Maven's) and for Gradle's single test worker. A Gradle worker's parent is the long-lived daemon, which would merge
 * consecutive builds, so it is never used; several Gradle workers ({@code maxParallelForks > 1}), the Maven daemon
 * (whose JVM also outlives a build) and any other set-up name their run with {@code junitperf.run.id}.
 *
 * @param id what every per-test file of the run carries, e.g. {@code maven-1234-2026-12-01T11:40:33.720Z}
 * @param startedAt when the process that names the run started (ISO-8601), when known
 * @param source how the run was named, in words
 */
@API(status = INTERNAL, since = "0.1")
public record RunIdentity(String id, String startedAt, String source) {

    /** The system property Surefire's booter sets in every JVM it forks, and only there. */
    static final String SUREFIRE_FORK_PROPERTY = "surefire.real.class.path";
    private static final int MAX_ANCESTORS = 8;
    private static final RunIdentity DETECTED = detect(System.getProperty(SUREFIRE_FORK_PROPERTY) != null);

    /** Return the run of this JVM: {@code configured} ({@code junitperf.run.id}) when given, else the one detected. */
    public static RunIdentity current(Optional<String> configured) {
        return configured.map(id -> new RunIdentity(id, null, "junitperf.run.id")).orElse(DETECTED);
    }

    /** Name the run from the build's JVM when {@code surefireFork}, else from this JVM. */
    static RunIdentity detect(boolean surefireFork) {
        ProcessHandle self = ProcessHandle.current();
        if (surefireFork) {
            Optional<ProcessHandle> ancestor = self.parent();
            for (int i = 0; i < MAX_ANCESTORS && ancestor.isPresent(); i++) {
                ProcessHandle p = ancestor.get();
                Optional<Instant> started = p.info().startInstant();
                if (isJava(p) && started.isPresent()) {
                    return new RunIdentity("build-" + p.pid() + "-" + started.get(), started.get().toString(),
                            "the build's JVM (pid " + p.pid() + "), the nearest Java ancestor of this Surefire/Failsafe fork");
                }
                ancestor = p.parent();
            }
        }
        Instant started = self.info().startInstant()
                .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        return new RunIdentity("jvm-" + self.pid() + "-" + started, started.toString(), "this JVM (pid " + self.pid() + ")");
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString())
                .filter(name -> name.equals("java") || name.equals("java.exe")).isPresent();
    }
}
