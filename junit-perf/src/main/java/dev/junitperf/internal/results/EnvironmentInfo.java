package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

import org.apiguardian.api.API;

/**
 * Describe the machine and JVM a measurement ran on.
 *
 * @param jdk {@code java.version}
 * @param vm the VM name and version
 * @param vendor the VM vendor
 * @param gc the garbage collector beans' names
 * @param cpus available processors
 * @param maxHeapBytes the maximum heap
 * @param os OS name, version and architecture
 */
@API(status = INTERNAL, since = "0.1")
public record EnvironmentInfo(String jdk, String vm, String vendor, List<String> gc, int cpus, long maxHeapBytes, String os) {

    /** Read the environment of this JVM. */
    public static EnvironmentInfo current() {
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.toList());
        return new EnvironmentInfo(System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("java.vm.vendor"), gcs, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }
}
