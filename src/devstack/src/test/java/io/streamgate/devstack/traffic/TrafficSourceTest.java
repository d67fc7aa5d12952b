package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.streamgate.devstack.Deadline;

/**
 * Delivery against a stand-in for ingest's HTTP contract (202 with a receipt, 503 while Kafka is
 * away): retries, logging, failure isolation and a clean stop. The real ingest is exercised by the
 * end-to-end tests in src/e2e.
 */
class TrafficSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private record Received(String path, byte[] body, String idempotencyKey, String authorization) {
    }

    private HttpServer ingest;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startIngest() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Integer status = script.poll();
            byte[] answer = (status == null || status == 202 ? "{\"accepted\":1}"
                    : "{\"title\":\"Kafka is unavailable\",\"detail\":\"Kafka did not acknowledge\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 202 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ingest.start();
    }

    @AfterEach
    void stopIngest() {
        ingest.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + ingest.getAddress().getPort());
    }

    /** Posts one numbered event batch, or one live snapshot, per tick. */
    private static final class Counting implements TrafficGenerator {
        final AtomicInteger ticks = new AtomicInteger();
        final boolean live;
        final String name;

        Counting(String name, boolean live) {
            this.name = name;
            this.live = live;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(40);
        }

        @Override
        public List<IngestPost> tick(Instant now) {
            int n = ticks.incrementAndGet();
            byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
            return List.of(live ? IngestPost.aircraftJson(body, 1) : new IngestPost("/v1/test", body, 1, false));
        }
    }

    private TrafficSource start(List<TrafficGenerator> generators) {
        return TrafficSource.start(url(), "sk_test_secret", TrafficConfig.defaults(), generators, Clock.systemUTC(),
                log::add);
    }

    @Test
    void anEventBatchIngestCouldNotTakeIsSentAgainFirstWithTheSameBodyAndKey() {
        script.add(503);
        script.add(503);
        Counting events = new Counting("events", false);
        try (TrafficSource source = start(List.of(events))) {
            Deadline.await("five batches delivered", WAIT, () -> source.stats().get("events").postsDelivered() >= 5);
        }
        Received first = received.get(0);
        assertEquals(first.idempotencyKey(), received.get(1).idempotencyKey(), "the retry carries the same key");
        assertEquals(first.idempotencyKey(), received.get(2).idempotencyKey());
        assertArrayEquals(first.body(), received.get(2).body(), "and the same body");
        assertEquals("{\"n\":1}", new String(received.get(2).body(), StandardCharsets.UTF_8));
        assertEquals("Bearer sk_test_secret", first.authorization());

        List<Integer> delivered = new ArrayList<>();
        for (Received r : received.subList(2, received.size())) {
            delivered.add(Integer.parseInt(new String(r.body(), StandardCharsets.UTF_8).replaceAll("\\D", "")));
        }
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i + 1, delivered.get(i), "batches reach ingest in order, none lost: " + delivered);
        }
        assertEquals(2, log.size(), "one line when delivery fails, one when it recovers: " + log);
        assertTrue(log.get(0).contains("HTTP 503") && log.get(0).contains("retrying"), log.get(0));
        assertTrue(log.get(1).contains("after 2 failed attempt(s)"), log.get(1));
        log.forEach(line -> assertFalse(line.contains("sk_test_secret"), "no credential in a log line"));
    }

    @Test
    void aLiveSnapshotIngestCouldNotTakeIsDroppedNotRetried() {
        script.add(503);
        Counting snapshots = new Counting("aircraft", true);
        try (TrafficSource source = start(List.of(snapshots))) {
            Deadline.await("three snapshots delivered", WAIT,
                    () -> source.stats().get("aircraft").postsDelivered() >= 3);
            assertEquals(1, source.stats().get("aircraft").droppedPosts());
        }
        assertEquals("{\"n\":1}", new String(received.get(0).body(), StandardCharsets.UTF_8));
        assertEquals("{\"n\":2}", new String(received.get(1).body(), StandardCharsets.UTF_8), "the next one, not a resend");
        received.forEach(r -> assertEquals(null, r.idempotencyKey()));
    }

    @Test
    void aFailingGeneratorIsLoggedAndKeepsItsScheduleWhileTheOthersRun() {
        AtomicInteger calls = new AtomicInteger();
        TrafficGenerator broken = new TrafficGenerator() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(20);
            }

            @Override
            public List<IngestPost> tick(Instant now) {
                calls.incrementAndGet();
                throw new IllegalStateException("boom");
            }
        };
        Counting events = new Counting("events", false);
        try (TrafficSource source = start(List.of(broken, events))) {
            Deadline.await("ticks go on", WAIT, () -> calls.get() >= 5 && events.ticks.get() >= 5);
        }
        long lines = log.stream().filter(l -> l.contains("broken")).count();
        // One line at the 1st, 2nd, 4th, 8th … failure.
        int bound = 1 + (31 - Integer.numberOfLeadingZeros(calls.get()));
        assertTrue(lines >= 1 && lines <= bound, calls.get() + " failures, logged briefly: " + log);
    }

    @Test
    void ingestDownIsRetriedQuietlyAndCloseLeavesNoThreadBehind() throws Exception {
        ingest.stop(0);
        Counting events = new Counting("events", false);
        TrafficSource source = start(List.of(events));
        Deadline.await("a few failed ticks", WAIT, () -> source.stats().get("events").failedAttempts() >= 3);
        TrafficSource.Stats stats = source.stats().get("events");
        assertTrue(stats.pendingPosts() >= 3, "the batches wait for ingest: " + stats);
        source.close();

        assertEquals(1, log.size(), "one line for the outage: " + log);
        assertTrue(log.get(0).contains("connection refused"), log.get(0));
        Deadline.await("traffic threads gone", WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("streamgate-traffic") && t.isAlive()));
    }

    @Test
    void settingsComeFromPropertiesWithDocumentedDefaults() {
        TrafficConfig defaults = TrafficConfig.of(Map.of());
        assertEquals(TrafficConfig.defaults(), defaults);
        assertTrue(defaults.enabled());
        assertEquals(10, defaults.aircraft().speed());

        TrafficConfig set = TrafficConfig.of(Map.of("streamgate.traffic", "false", "streamgate.traffic.speed", "60",
                "streamgate.traffic.seed", "7", "streamgate.traffic.sensors.interval", "250ms",
                "streamgate.traffic.jobs.worker-away", "PT30S", "streamgate.traffic.devices.time-scale", ""));
        assertFalse(set.enabled());
        assertEquals(60, set.aircraft().speed());
        assertEquals(7, set.seed());
        assertEquals(Duration.ofMillis(250), set.sensors().interval());
        assertEquals(Duration.ofSeconds(30), set.jobs().workerAway());
        assertEquals(5, set.devices().timeScale(), "empty means the default");
        assertEquals("STREAMGATE_TRAFFIC_SENSORS_SILENCE_EVERY",
                SettingsSource.environmentName("streamgate.traffic.sensors.silence-every"));

        IllegalArgumentException typo = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrafficConfig.of(Map.of("streamgate.traffic.speed", "fast")));
        assertNotNull(typo.getMessage());
        assertTrue(typo.getMessage().contains("streamgate.traffic.speed"));
    }

    @Test
    void theStandardGeneratorsCoverEveryFeedOfTheDemo() {
        List<TrafficGenerator> generators = TrafficSource.standardGenerators(TrafficConfig.defaults(), "t", log::add);
        assertEquals(List.of("aircraft", "sensors", "devices", "jobs", "entities"),
                generators.stream().map(TrafficGenerator::name).toList());
    }
}
