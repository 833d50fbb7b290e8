package com.example;

import java.nio.file.Files;
import java.nio.file.Path;

/** Record which JVM ran a test class in which run, so verify.groovy can check that the run used several forks. */
final class Forks {

    private Forks() {
    }

    static void record(Class<?> testClass) throws Exception {
        Path dir = Path.of("target", "forks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(System.getProperty("it.run") + "-" + testClass.getSimpleName() + ".pid"),
                Long.toString(ProcessHandle.current().pid()));
    }
}
