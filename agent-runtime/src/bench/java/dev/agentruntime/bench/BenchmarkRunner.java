package dev.agentruntime.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Run every workload on agent-runtime and on Pekko (default and tuned) side by side; print a table.
 *
 * <p>Run with {@code ./mvnw -pl agent-runtime -Pbench verify}; pass {@code -Dbench.args=quick} for
 * fewer rounds. Each figure is the median over rounds, with [min-max] across rounds.
 */
public final class BenchmarkRunner {

    private final int rounds;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Contender> contenders = List.of(new RuntimeContender(), PekkoContender.defaults(), PekkoContender.tuned());

    private BenchmarkRunner(int rounds) {
        this.rounds = rounds;
    }

    /** Run the benchmarks. */
    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        new BenchmarkRunner(quick ? 3 : 5).run();
    }

    @FunctionalInterface
    interface Round {
        double run(Contender contender) throws Exception;
    }

    @FunctionalInterface
    interface LatencyRound {
        Histogram run(Contender contender) throws Exception;
    }

    private void run() throws Exception {
        printEnvironment();
        throughputRow("1. spawn + register (ns/agent, 100k)", c -> c.spawnNanosPerAgent(100_000), 1, "ns", "<= 1000 ns, >= 5x pekko");
        throughputRow("2. retained heap per idle agent (B, 200k)", c -> c.idleBytesPerAgent(200_000), 1, "B", "<= 256 B");
        rows.add(new String[] {"2b. 1M idle agents in -Xmx512m", idleAgentsFit(), "-", "-", "fits"});
        throughputRow("3a. ping-pong 16 pairs x 100 in flight", c -> c.pipelinedPingPong(16, 100, 200_000), 1e6, "M msg/s", ">= 20 M, >= 1.5x tuned");
        throughputRow("3b. tell-only, 1 outside thread", c -> c.tellOnly(5_000_000), 1e6, "M msg/s", ">= 5 M");
        throughputRow("3c. round-robin over 1000 agents", c -> c.roundRobin(1_000, 5_000_000), 1e6, "M msg/s", ">= 10 M");
        latencyRow("4a. agent round trip p50/p99 (us)", c -> c.agentRoundTrip(100_000), "p50 <= 1, p99 <= 10 us");
        latencyRow("4b. ask from outside p50/p99 (us)", c -> c.askLatency(30_000, false), "p50 <= 20, p99 <= 200 us");
        latencyRow("4c. ask, spin 1 ms then park (us)", c -> c.askLatency(30_000, true), "same");
        runtimeOnlyRows();
        printTable();
    }

    private void throughputRow(String name, Round round, double scale, String unit, String goal) throws Exception {
        String[] row = new String[contenders.size() + 2];
        row[0] = name;
        for (int i = 0; i < contenders.size(); i++) {
            Contender contender = contenders.get(i);
            round.run(contender);
            double[] values = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                values[r] = round.run(contender);
            }
            row[i + 1] = new Stats(values).format(scale, unit);
            progress(name, contender, row[i + 1]);
        }
        row[row.length - 1] = goal;
        rows.add(row);
    }

    private void latencyRow(String name, LatencyRound round, String goal) throws Exception {
        String[] row = new String[contenders.size() + 2];
        row[0] = name;
        for (int i = 0; i < contenders.size(); i++) {
            Contender contender = contenders.get(i);
            round.run(contender);
            double[] p50 = new double[rounds];
            double[] p99 = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Histogram histogram = round.run(contender);
                p50[r] = histogram.getValueAtPercentile(50);
                p99[r] = histogram.getValueAtPercentile(99);
            }
            row[i + 1] = new Stats(p50).format(1e3, "") + " / " + new Stats(p99).format(1e3, "");
            progress(name, contender, row[i + 1]);
        }
        row[row.length - 1] = goal;
        rows.add(row);
    }

    private void runtimeOnlyRows() throws Exception {
        for (boolean two : new boolean[] {false, true}) {
            RegistryAndCoordinationBench.discovery(10_000, 200_000, two);
            double[] p50 = new double[rounds];
            double[] p99 = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Histogram histogram = RegistryAndCoordinationBench.discovery(10_000, 1_000_000, two);
                p50[r] = histogram.getValueAtPercentile(50);
                p99[r] = histogram.getValueAtPercentile(99);
            }
            String name = two ? "5b. discovery 2-capability AND, 10k agents + churn (us)" : "5a. discovery by capability, 10k agents + churn (us)";
            String value = "p50 " + new Stats(p50).format(1e3, "") + " / p99 " + new Stats(p99).format(1e3, "");
            rows.add(new String[] {name, value, "n/a", "n/a", "p99 <= 2 us"});
            System.out.println("  " + name + ": " + value);
        }
        for (int voters : new int[] {100, 10_000}) {
            RegistryAndCoordinationBench.voting(voters, 20);
            double[] medians = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                medians[r] = RegistryAndCoordinationBench.voting(voters, voters <= 100 ? 200 : 10);
            }
            String name = "6. voting round, " + voters + " agents (ms)";
            String value = new Stats(medians).format(1e6, "ms");
            rows.add(new String[] {name, value, "n/a", "n/a", voters <= 100 ? "<= 1 ms" : "<= 100 ms"});
            System.out.println("  " + name + ": " + value);
        }
    }

    private String idleAgentsFit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                IdleAgentsFit.class.getName(), "1000000").redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append(' ');
            }
        }
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String result = finished && process.exitValue() == 0 ? "OK: " + output.toString().trim() : "FAILED: " + output.toString().trim();
        System.out.println("  1M idle agents in 512 MB: " + result);
        return result;
    }

    private static void progress(String name, Contender contender, String value) {
        System.out.println("  " + name + " | " + contender.name() + ": " + value);
    }

    private static void printEnvironment() throws Exception {
        System.out.println("== agent-runtime benchmarks ==");
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors());
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.exists(loadavg)) {
            System.out.println("load average at start (1/5/15 min): " + Files.readString(loadavg).trim());
        }
    }

    private void printTable() throws Exception {
        String[] header = new String[contenders.size() + 2];
        header[0] = "workload";
        for (int i = 0; i < contenders.size(); i++) {
            header[i + 1] = contenders.get(i).name();
        }
        header[header.length - 1] = "goal";
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        System.out.println();
        System.out.println("median [min-max] over " + rounds + " rounds; latencies are p50 / p99");
        for (String[] row : all) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < row.length; i++) {
                line.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i])).append(" |");
            }
            System.out.println(line);
        }
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.exists(loadavg)) {
            System.out.println("load average at end (1/5/15 min): " + Files.readString(loadavg).trim());
        }
    }
}
