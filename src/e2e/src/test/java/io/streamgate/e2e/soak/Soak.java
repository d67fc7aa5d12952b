package io.streamgate.e2e.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.ServiceProcess;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Stack;
import io.streamgate.e2e.bench.ClientFleet;
import io.streamgate.e2e.bench.JvmTools;
import io.streamgate.e2e.bench.ProcStats;
import io.streamgate.e2e.bench.SwissReplay;
import io.streamgate.e2e.faults.Delivery;
import io.streamgate.e2e.faults.DialectFeeds;
import io.streamgate.e2e.faults.FaultRun;
import io.streamgate.platform.identity.Role;

/**
 * The soak of issue 21: the whole stack with two gateway replicas, the Swiss recording replayed through ingest the
 * whole time, SkySpy map clients ({@link ClientFleet}) and resuming critical-feed clients of every dialect
 * ({@link FaultRun}), a fault every few minutes in rotation (SIGKILL of a gateway, of the Kafka broker, of
 * safety-service, each started again), and every 10 s each service's heap, RSS, open files and consumer lag into a
 * CSV, plotted at the end ({@link SoakPlot}) with a verdict ({@link SoakVerdict}). A program, not a test.
 *
 * <pre>
 * ./mvnw -B -ntp -Psoak -pl src/e2e -am -Dsoak.args="--duration=60m --clients=5000 --fault-every=5m"
 * </pre>
 *
 * Options ({@code --name=value}): {@code duration} (60m), {@code clients} (5000: map clients, half per gateway),
 * {@code critical-per-feed} (50: resuming clients per critical feed, six feeds), {@code fault-every} (5m),
 * {@code speed} (1: the replay's), {@code out} (target/soak).
 */
public final class Soak {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

    private final Map<String, String> options;
    private final List<SoakVerdict.Fault> faults = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> gateways = new CopyOnWriteArrayList<>();
    private final List<URI> liveGateways = new CopyOnWriteArrayList<>();
    private final AtomicInteger balancer = new AtomicInteger();
    private long startNanos;

    private Soak(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("duration", "60m", "clients", "5000",
                "critical-per-feed", "50", "fault-every", "5m", "speed", "1", "out", "target/soak"));
        for (String arg : args) {
            for (String option : arg.strip().split("\\s+")) {
                if (option.isEmpty()) {
                    continue;
                }
                String name = option.replaceFirst("^--", "").replaceFirst("=.*", "");
                if (!option.startsWith("--") || !option.contains("=") || !options.containsKey(name)) {
                    System.err.println("soak: options are --name=value of " + options.keySet() + ", not " + option);
                    System.exit(2);
                }
                options.put(name, option.substring(option.indexOf('=') + 1));
            }
        }
        int status = 0;
        try {
            new Soak(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Duration duration = duration(options.get("duration"));
        Duration faultEvery = duration(options.get("fault-every"));
        int clients = Integer.parseInt(options.get("clients"));
        int perFeed = Integer.parseInt(options.get("critical-per-feed"));
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        say("soak: %s, %d map clients, %d critical clients per feed, a fault every %s; machine load %s", duration,
                clients, perFeed, faultEvery, ProcStats.loadAverage());
        try (Stack stack = Stack.start(false)) {
            gateways.add(stack.process(Service.GATEWAY));
            gateways.add(stack.startReplica(Service.GATEWAY));
            gateways.forEach(g -> liveGateways.add(g.url()));
            String token = stack.infrastructure().credentials().token("soak", "soak", Set.of(Role.USER),
                    Duration.ofHours(6));
            SwissReplay replay = SwissReplay.load(SharedData.file("adsb/switzerland.json.gz"),
                    stack.url(Service.INGEST), token, Double.parseDouble(options.get("speed")));
            long span = replay.lastTime() - replay.firstTime();
            replay.start(replay.firstTime());
            long replayStarted = System.nanoTime();
            List<ClientFleet> fleets = new ArrayList<>();
            for (ServiceProcess gateway : gateways) {
                fleets.add(new ClientFleet(URI.create(gateway.url().toString().replaceFirst("^http", "ws"))
                        .resolve("/ws/aircraft/"), 1));
            }
            int share = clients / fleets.size();
            for (ClientFleet fleet : fleets) {
                fleet.connect(share, 100, Duration.ofMinutes(3));
            }
            say("map clients connected: %d of %d", fleets.stream().mapToInt(ClientFleet::openCount).sum(), clients);
            try (DialectFeeds feeds = new DialectFeeds(() -> stack.url(Service.INGEST),
                    stack.infrastructure().kafka().bootstrapServers(), "soak", token);
                    FaultRun critical = new FaultRun(feeds.all(), perFeed, this::nextGateway, Duration.ofMinutes(2));
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            stack.infrastructure().kafka().bootstrapServers(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000));
                    PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("soak.csv")))) {
                say("critical clients connected: %d of %d", critical.connectedCount(), critical.size());
                critical.startFeeds(Duration.ofSeconds(1));
                csv.println("seconds,measure,series,value");
                startNanos = System.nanoTime();
                long end = startNanos + duration.toNanos();
                long nextFault = startNanos + faultEvery.toNanos();
                int faultIndex = 0;
                while (System.nanoTime() < end) {
                    long tick = System.nanoTime();
                    if (tick - replayStarted > span * 1_000_000L / Math.max(1, (long) Double.parseDouble(
                            options.get("speed")))) {
                        replay.start(replay.firstTime());
                        replayStarted = tick;
                    }
                    sample(stack, admin, fleets, critical, csv);
                    csv.flush();
                    // Clients whose gateway died come back to it once it is up again, as a load balancer sends them.
                    for (int i = 0; i < fleets.size(); i++) {
                        int missing = share - fleets.get(i).openCount();
                        if (missing > 0 && liveGateways.contains(gateways.get(i).url())) {
                            fleets.get(i).connect(missing, 100, Duration.ofSeconds(60));
                        }
                    }
                    if (System.nanoTime() >= nextFault) {
                        inject(stack, faultIndex++);
                        nextFault = System.nanoTime() + faultEvery.toNanos();
                    }
                    long wait = SAMPLE_EVERY.toNanos() - (System.nanoTime() - tick);
                    if (wait > 0) {
                        // The sampling period, not a wait for a condition.
                        Thread.sleep(wait / 1_000_000);
                    }
                }
                double ranMinutes = (System.nanoTime() - startNanos) / 60e9;
                int mapOpen = fleets.stream().mapToInt(ClientFleet::openCount).sum();
                int criticalOpen = critical.connectedCount();
                replay.stop();
                critical.stopFeeds();
                List<Delivery> verdicts = critical.verdicts(Duration.ofSeconds(90));
                long missed = verdicts.stream().mapToLong(v -> v.missing().size()).sum();
                long inexact = verdicts.stream().filter(v -> !v.exact()).count();
                csv.flush();
                StringBuilder summary = new StringBuilder();
                summary.append(String.format(Locale.ROOT, "ran %.1f min; map clients open at the end %d of %d "
                        + "(server closes %s, failed connects %d); critical clients open %d of %d; critical events missed "
                        + "%d (%d of %d clients inexact); replay %s; feeds: %s%n", ranMinutes, mapOpen, clients,
                        fleets.stream().map(ClientFleet::serverCloses).toList(),
                        fleets.stream().mapToLong(ClientFleet::failedConnects).sum(), criticalOpen, critical.size(),
                        missed, inexact, verdicts.size(), replay.totals(), critical.publications()));
                verdicts.stream().filter(v -> !v.exact()).limit(10).forEach(v -> summary.append("  ").append(v)
                        .append('\n'));
                summary.append("faults: ").append(faults).append('\n');
                csv.close();
                List<SoakVerdict.Sample> samples = SoakVerdict.read(out.resolve("soak.csv"));
                summary.append(SoakVerdict.verdict(samples));
                SoakPlot.render(samples, faults, out.resolve("soak.png"));
                Files.writeString(out.resolve("summary.txt"), summary);
                System.out.println(summary);
                say("written %s, %s, %s", out.resolve("soak.csv"), out.resolve("soak.png"), out.resolve("summary.txt"));
                fleets.forEach(ClientFleet::close);
                replay.close();
            }
        }
    }

    /** Round robin over the gateways that are up: where a critical client (re)connects. */
    private URI nextGateway() {
        List<URI> live = List.copyOf(liveGateways);
        return live.isEmpty() ? gateways.get(0).url() : live.get(Math.floorMod(balancer.getAndIncrement(), live.size()));
    }

    private void inject(Stack stack, int index) throws InterruptedException {
        long at = System.nanoTime();
        String what;
        switch (index % 3) {
            case 0 -> {
                int which = (index / 3) % gateways.size();
                ServiceProcess gateway = gateways.get(which);
                liveGateways.remove(gateway.url());
                gateway.kill();
                gateways.set(which, stack.relaunch(gateway));
                liveGateways.add(gateways.get(which).url());
                what = "gateway-" + which + " SIGKILL";
            }
            case 1 -> {
                stack.infrastructure().kafka().kill();
                // The broker stays down a while, as a crashed broker does before its restart.
                Thread.sleep(10_000);
                stack.infrastructure().kafka().start();
                what = "kafka SIGKILL";
            }
            default -> {
                ServiceProcess safety = stack.process(Service.SAFETY);
                safety.kill();
                stack.relaunch(safety);
                what = "safety SIGKILL";
            }
        }
        faults.add(new SoakVerdict.Fault(seconds(at), what));
        say("fault %s: back after %.1f s", what, (System.nanoTime() - at) / 1e9);
    }

    private void sample(Stack stack, Admin admin, List<ClientFleet> fleets, FaultRun critical, PrintWriter csv) {
        double t = seconds(System.nanoTime());
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        processes.put("ingest", stack.process(Service.INGEST));
        processes.put("safety", stack.process(Service.SAFETY));
        processes.put("stats", stack.process(Service.STATS));
        for (int i = 0; i < gateways.size(); i++) {
            processes.put("gateway-" + i, gateways.get(i));
        }
        processes.forEach((name, process) -> {
            long pid = process.pid();
            if (!process.isAlive()) {
                return;
            }
            try {
                double heap = JvmTools.metric(JvmTools.metrics(process.url()), "jvm_memory_used_bytes",
                        "area=\"heap\"");
                row(csv, t, "heap_mib", name, heap / 1048576.0);
            } catch (IllegalStateException down) {
                // restarting: no figure this time
            }
            row(csv, t, "rss_mib", name, ProcStats.rssBytesOrZero(pid) / 1048576.0);
            row(csv, t, "open_fds", name, ProcStats.openFiles(pid));
        });
        stack.infrastructure().kafka().pid().ifPresent(kafka -> {
            row(csv, t, "rss_mib", "kafka", ProcStats.rssBytesOrZero(kafka) / 1048576.0);
            row(csv, t, "open_fds", "kafka", ProcStats.openFiles(kafka));
        });
        lag(admin).forEach((group, lag) -> row(csv, t, "consumer_lag", group, lag));
        row(csv, t, "clients", "map", fleets.stream().mapToInt(ClientFleet::openCount).sum());
        row(csv, t, "clients", "critical", critical.connectedCount());
    }

    /** Per consumer group: end offsets minus committed offsets, summed over its partitions; empty while Kafka is down. */
    private static Map<String, Long> lag(Admin admin) {
        Map<String, Long> lags = new LinkedHashMap<>();
        try {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lags.put(group.groupId(), lag);
            }
        } catch (Exception kafkaDown) {
            return Map.of();
        }
        return lags;
    }

    private static void row(PrintWriter csv, double t, String measure, String series, double value) {
        csv.printf(Locale.ROOT, "%.1f,%s,%s,%.2f%n", t, measure, series, value);
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private static Duration duration(String text) {
        long value = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(value);
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> throw new IllegalArgumentException("durations are like 30s, 5m, 1h: " + text);
        };
    }

    private static void say(String format, Object... args) {
        System.out.printf("[%s] %s%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
    }
}
