package io.streamgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import io.streamgate.devstack.Stack;

/**
 * The README's run command stopped as a person stops it: Ctrl-C in a terminal, which signals the terminal's
 * whole foreground process group. The launcher runs in a process group of its own here (setsid) and the group
 * gets SIGINT, as a terminal sends it. Every service must be gone before Kafka and Redis go (they drain to
 * Kafka on the way down), everything must be gone with its temporary data, and the launcher must exit as
 * interrupted, within a bound.
 */
class LauncherShutdownIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration STOP = Duration.ofSeconds(60);

    @Test
    void ctrlCStopsTheServicesBeforeKafkaAndRedisAndLeavesNothingRunning() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("setsid", javaBin.toString(), "-Xmx256m", "-Dstreamgate.traffic=false",
                "-Dstreamgate.root=" + Stack.repositoryRoot(), "-cp", System.getProperty("java.class.path"),
                "io.streamgate.devstack.Launcher");
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.complete(null);
                    }
                }
            } catch (java.io.IOException ended) {
                // the launcher is gone
            }
            ready.complete(null);
        }, "launcher-output");
        reader.start();
        try {
            ready.get(START.toSeconds(), TimeUnit.SECONDS);
            assertTrue(launcher.isAlive(), "the launcher started: " + output);
            Map<String, ProcessHandle> children = children(launcher.toHandle());
            assertEquals(6, children.size(), "four services, Kafka and Redis: " + children.keySet());

            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start().waitFor();
            Map<String, Long> goneAt = new HashMap<>();
            long end = signalled + STOP.toNanos();
            // Polled, not awaited: the order in which they went is what is asserted.
            while (goneAt.size() < children.size() && System.nanoTime() < end) {
                children.forEach((name, process) -> {
                    if (!process.isAlive()) {
                        goneAt.putIfAbsent(name, System.nanoTime());
                    }
                });
                LockSupport.parkNanos(5_000_000);
            }
            assertEquals(children.keySet(), goneAt.keySet(), "everything stopped within " + STOP);
            assertTrue(launcher.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the launcher exited");
            assertEquals(130, launcher.exitValue(), "as interrupted, the code Maven's exec treats as a normal stop");
            long lastService = goneAt.entrySet().stream().filter(e -> e.getKey().endsWith("-service"))
                    .mapToLong(Map.Entry::getValue).max().orElseThrow();
            assertTrue(lastService <= goneAt.get("kafka") && lastService <= goneAt.get("redis"),
                    "Kafka and Redis outlive every service: " + order(goneAt, signalled));
            System.out.printf("Ctrl-C to everything stopped: %.1f s; %s%n",
                    (goneAt.values().stream().mapToLong(Long::longValue).max().orElseThrow() - signalled) / 1e9,
                    order(goneAt, signalled));
            synchronized (output) {
                assertTrue(output.stream().anyMatch(line -> line.startsWith("StreamGate: stopped in")), "" + output);
                Path data = output.stream().filter(line -> line.startsWith("  Data ")).findFirst()
                        .map(line -> Path.of(line.substring("  Data ".length()).strip().split("\\s+")[0]))
                        .orElseThrow(() -> new AssertionError("the banner names the data directory: " + output));
                assertFalse(Files.exists(data), "Kafka's and Redis' temporary data is removed: " + data);
            }
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        assertFalse(launcher.isAlive());
    }

    /** The launcher's children by what they run: the services' jars, Kafka's main class, redis-server. */
    private static Map<String, ProcessHandle> children(ProcessHandle launcher) {
        Map<String, ProcessHandle> children = new HashMap<>();
        launcher.children().forEach(child -> {
            String line = commandLine(child);
            if (line.contains("redis-server")) {
                children.put("redis", child);
            } else if (line.contains("kafka.Kafka")) {
                children.put("kafka", child);
            } else {
                for (String service : List.of("ingest-service", "safety-service", "stats-service", "gateway-service")) {
                    if (line.contains(service + "/target/quarkus-app")) {
                        children.put(service, child);
                    }
                }
            }
        });
        return children;
    }

    /** From /proc where there is one: ProcessHandle.Info leaves out command lines as long as Kafka's classpath. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException | RuntimeException unreadable) {
            return process.info().commandLine().orElse("");
        }
    }

    private static String order(Map<String, Long> goneAt, long signalled) {
        StringBuilder order = new StringBuilder();
        goneAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> order
                .append(String.format("%s %.1f s  ", e.getKey(), (e.getValue() - signalled) / 1e9)));
        return order.toString().strip();
    }
}
