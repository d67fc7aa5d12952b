package io.streamgate.e2e.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

import io.streamgate.devstack.Service;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.Stack;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.identity.Role;

/**
 * Issue 21's adversarial tenant (docs/security.md): tenant B has a fixed fleet of SkySpy map clients and a
 * steady feed (the Swiss recording replayed through ingest with B's token); B's event→client latency is
 * measured in a quiet window, then in a window while tenant A floods every ingest endpoint from many threads
 * and opens WebSocket connections up to and past its per-tenant limit. One run, one stack; prints both
 * windows' p50/p99, the ratio, A's refusals, and how many of A's aircraft reached any of B's clients (must be
 * 0: the program fails otherwise). A program, not a test.
 *
 * <pre>
 * ./mvnw -B -ntp -Ptenant-flood-bench -pl src/e2e -am
 * ./mvnw -B -ntp -Ptenant-flood-bench -pl src/e2e -am -Dtenant-flood-bench.args="--b-clients=2000 --measure=60s"
 * </pre>
 *
 * Options ({@code --name=value}): {@code b-clients} (1000), {@code speed} (10: the replay of B's feed),
 * {@code warmup} (15s), {@code measure} (30s per window), {@code a-limit} (500: the gateway's
 * {@code streamgate.gateway.tenants.max-connections} for this run), {@code a-connections} (2 × a-limit),
 * {@code a-threads} (16 ingest flooders), {@code out} (target/tenant-flood-bench).
 */
public final class TenantFloodBenchmark {

    // NGSI service names are [a-z0-9_]: a hyphenated tenant has every /v2 request refused with 400.
    private static final String A = "flood_a";
    private static final String B = "quiet_b";
    /** A's aircraft: no allocated ICAO block starts so, and the Swiss recording has none. */
    private static final String A_HEX = "f1";

    private final Map<String, String> options;
    private final PrintStream log = System.out;

    private TenantFloodBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (String arg : args) {
            for (String option : arg.strip().split("\\s+")) {
                if (!option.isEmpty()) {
                    given.put(option.substring(2, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
                }
            }
        }
        int status = 0;
        try {
            status = new TenantFloodBenchmark(given).run() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private int integer(String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(otherwise)));
    }

    private Duration duration(String name, String otherwise) {
        String text = options.getOrDefault(name, otherwise).toLowerCase(Locale.ROOT);
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    private boolean run() throws Exception {
        int bClients = integer("b-clients", 1000);
        double speed = Double.parseDouble(options.getOrDefault("speed", "10"));
        Duration warmup = duration("warmup", "15s");
        Duration measure = duration("measure", "30s");
        int aLimit = integer("a-limit", 500);
        int aConnections = integer("a-connections", 2 * aLimit);
        int aThreads = integer("a-threads", 16);
        Path out = Path.of(options.getOrDefault("out", "target/tenant-flood-bench"));
        Files.createDirectories(out);
        String jvmArgs = System.getProperty(Service.GATEWAY.jvmArgsProperty(), "");
        System.setProperty(Service.GATEWAY.jvmArgsProperty(),
                jvmArgs + " -Dstreamgate.gateway.tenants.max-connections=" + aLimit);
        say("tenant flood: B %d clients, replay ×%.0f; A up to %d connections (limit %d), %d ingest threads; "
                + "warm-up %s, windows %s", bClients, speed, aConnections, aLimit, aThreads, warmup, measure);

        try (Stack stack = Stack.start(false)) {
            URI gateway = stack.url(Service.GATEWAY);
            URI ingest = stack.url(Service.INGEST);
            URI aircraftWs = URI.create(gateway.toString().replaceFirst("^http", "ws")).resolve("/ws/aircraft/");
            String tokenA = stack.infrastructure().credentials().token(A, "flooder", Set.of(Role.USER),
                    Duration.ofHours(2));
            String tokenB = stack.infrastructure().credentials().token(B, "quiet", Set.of(Role.USER),
                    Duration.ofHours(2));
            Map<String, String> bearerB = Map.of("Authorization", "Bearer " + tokenB);

            try (SwissReplay feed = SwissReplay.load(SharedData.file("adsb/switzerland.json.gz"), ingest, tokenB, speed);
                    ClientFleet fleetB = new ClientFleet(aircraftWs, 2, bearerB);
                    ClientFleet fleetA = new ClientFleet(aircraftWs, 1, Map.of("Authorization", "Bearer " + tokenA));
                    WebSocketProbe watcher = WebSocketProbe.connect(aircraftWs, bearerB)) {
                LeakWatch leaks = new LeakWatch(watcher);
                int opened = fleetB.connect(bClients, 200, Duration.ofMinutes(2));
                say("B: %d of %d clients connected (+1 watcher reading every frame)", opened, bClients);
                Duration replayed = Duration.ofMillis(Math.round((warmup.toMillis() + 2 * measure.toMillis() + 10_000)
                        * speed));
                feed.start(feed.busiestStart(replayed));
                say("B's feed replaying; warm-up %s", warmup);
                Thread.sleep(warmup.toMillis());

                fleetB.takeLatencies();
                long bPositions0 = fleetB.totals().positions();
                Thread.sleep(measure.toMillis());
                Histogram quiet = fleetB.takeLatencies();
                long quietPositions = fleetB.totals().positions() - bPositions0;
                say("quiet: %d positions to B's clients, p50 %d ms, p99 %d ms, max %d ms", quietPositions,
                        quiet.getValueAtPercentile(50), quiet.getValueAtPercentile(99), quiet.getMaxValue());

                Flood flood = new Flood(ingest, tokenA, aThreads);
                flood.start();
                int aOpened = fleetA.connect(aConnections, 200, Duration.ofMinutes(1));
                say("A: flooding ingest with %d threads; %d of %d connections opened at the handshake", aThreads,
                        aOpened, aConnections);
                Thread.sleep(5_000);
                fleetB.takeLatencies();
                long bPositions1 = fleetB.totals().positions();
                Flood.Counts floodBefore = flood.counts();
                Thread.sleep(measure.toMillis());
                Histogram flooded = fleetB.takeLatencies();
                long floodPositions = fleetB.totals().positions() - bPositions1;
                Flood.Counts floodCounts = flood.counts().minus(floodBefore);
                flood.stop();
                say("flood: %d positions to B's clients, p50 %d ms, p99 %d ms, max %d ms", floodPositions,
                        flooded.getValueAtPercentile(50), flooded.getValueAtPercentile(99), flooded.getMaxValue());

                double ratio = flooded.getValueAtPercentile(99) / (double) Math.max(1, quiet.getValueAtPercentile(99));
                Map<Integer, Long> closes = fleetA.serverCloses();
                StringBuilder report = new StringBuilder();
                report.append(String.format(Locale.ROOT, "%n| window | B positions | p50 ms | p99 ms | max ms |%n"
                        + "| --- | --- | --- | --- | --- |%n| quiet | %d | %d | %d | %d |%n| A flooding | %d | %d | %d | %d |%n",
                        quietPositions, quiet.getValueAtPercentile(50), quiet.getValueAtPercentile(99),
                        quiet.getMaxValue(), floodPositions, flooded.getValueAtPercentile(50),
                        flooded.getValueAtPercentile(99), flooded.getMaxValue()));
                report.append(String.format(Locale.ROOT, "%nB's p99 flooded / quiet: %.2f× (goal ≤ 2×)%n", ratio));
                report.append(String.format(Locale.ROOT,
                        "A's ingest requests in the window: %d (%.0f/s): %s%n", floodCounts.total(),
                        floodCounts.total() / (double) measure.toSeconds(), floodCounts.byStatus()));
                report.append(String.format(Locale.ROOT,
                        "A's WebSocket connections: %d asked, %d upgraded, open now %d, closed by the server %s "
                                + "(1013 = over the tenant limit)%n", aConnections, aOpened, fleetA.openCount(), closes));
                report.append(String.format(Locale.ROOT,
                        "frames the B watcher read: %d, naming B's aircraft: %d, naming A's aircraft: %d%n",
                        leaks.frames.sum(), leaks.ours.sum(), leaks.theirs.sum()));
                log.println(report);
                Files.writeString(out.resolve("results.md"), report.toString());
                leaks.stop();
                feed.stop();
                boolean ok = leaks.theirs.sum() == 0 && leaks.ours.sum() > 0;
                if (!ok) {
                    say("FAILED: B's watcher %s", leaks.theirs.sum() > 0 ? "received A's aircraft"
                            : "received none of B's aircraft");
                }
                return ok;
            }
        }
    }

    private void say(String format, Object... args) {
        log.printf(Locale.ROOT, "%s %s%n", Instant.now(), String.format(Locale.ROOT, format, args));
    }

    /** One of B's clients reading every frame, counting the frames that name B's and A's aircraft. */
    private static final class LeakWatch {
        final LongAdder frames = new LongAdder();
        final LongAdder ours = new LongAdder();
        final LongAdder theirs = new LongAdder();
        private final AtomicBoolean running = new AtomicBoolean(true);

        LeakWatch(WebSocketProbe watcher) {
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    List<String> got = watcher.pollFor(Duration.ofMillis(200));
                    for (String frame : got) {
                        frames.increment();
                        if (frame.contains("\"hex\":\"" + A_HEX)) {
                            theirs.increment();
                        } else if (frame.contains("\"hex\":\"")) {
                            ours.increment();
                        }
                    }
                }
            }, "leak-watch");
            reader.setDaemon(true);
            reader.start();
        }

        void stop() {
            running.set(false);
        }
    }

    /** Tenant A posting to every ingest endpoint as fast as its threads can, counting answers by status. */
    private static final class Flood {

        record Counts(Map<Integer, Long> byStatus) {
            long total() {
                return byStatus.values().stream().mapToLong(Long::longValue).sum();
            }

            Counts minus(Counts earlier) {
                Map<Integer, Long> diff = new java.util.TreeMap<>();
                byStatus.forEach((s, n) -> diff.put(s, n - earlier.byStatus.getOrDefault(s, 0L)));
                return new Counts(diff);
            }
        }

        private final URI ingest;
        private final String token;
        private final int threads;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> workers = new ArrayList<>();

        Flood(URI ingest, String token, int threads) {
            this.ingest = ingest;
            this.token = token;
            this.threads = threads;
        }

        void start() {
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(this::loop, "flood-" + t);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }

        private void loop() {
            while (running.get()) {
                int n = sequence.incrementAndGet();
                String[] request = request(n);
                try {
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ingest.resolve(request[0]))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request[1])).build(),
                            HttpResponse.BodyHandlers.discarding());
                    statuses.computeIfAbsent(answer.statusCode(), s -> new LongAdder()).increment();
                } catch (Exception e) {
                    statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                }
            }
        }

        /** Every ingest endpoint in turn, each body valid, A's aircraft under the {@link #A_HEX} prefix. */
        private static String[] request(int n) {
            String now = Instant.now().toString();
            String id = Integer.toHexString(n & 0xffff);
            return switch (n % 5) {
            case 0 -> new String[] { "/v1/aircraft", "{\"now\":" + System.currentTimeMillis() / 1000.0
                    + ",\"aircraft\":[{\"hex\":\"" + A_HEX + String.format("%4s", id).replace(' ', '0')
                    + "\",\"lat\":47.4,\"lon\":8.5,\"alt_baro\":5000}]}" };
            case 1 -> new String[] { "/v1/sensors/readings", "{\"readings\":[{\"machine_id\":\"a-" + id
                    + "\",\"metric_name\":\"rpm\",\"value\":1,\"unit\":\"rpm\",\"timestamp\":\"" + now + "\"}]}" };
            case 2 -> new String[] { "/v1/devices/locations", "{\"locations\":[{\"device_id\":\"a-" + id
                    + "\",\"lat\":47.4,\"lon\":8.5,\"timestamp\":\"" + now + "\"}]}" };
            case 3 -> new String[] { "/v1/jobs/events", "{\"events\":[{\"event\":\"created\",\"job_id\":\"a-" + n
                    + "\",\"queue\":\"flood\",\"status\":\"pending\",\"timestamp\":\"" + now + "\"}]}" };
            default -> new String[] { "/v2/op/update", "{\"actionType\":\"append\",\"entities\":[{\"id\":"
                    + "\"urn:ngsi-ld:Room:a" + id + "\",\"type\":\"Room\",\"temperature\":{\"type\":\"Number\","
                    + "\"value\":1}}]}" };
            };
        }

        Counts counts() {
            Map<Integer, Long> now = new java.util.TreeMap<>();
            statuses.forEach((s, n) -> now.put(s, n.sum()));
            return new Counts(now);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread worker : workers) {
                worker.join(15_000);
            }
        }
    }
}
