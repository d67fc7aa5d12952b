package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.topic.Topics;

/**
 * A client that stops reading and stays frozen: the gateway closes it as a slow consumer once its budget is full,
 * but the close (a WebSocket close frame, an SSE stream's end) queues behind the bytes the client does not take.
 * Past {@code unread-close-timeout} the gateway drops the TCP connection, so a frozen client never keeps a socket,
 * its buffers and its budget for ever. (A client that reads again in time gets its close code:
 * SkySpySlowConsumerTest, HaltlessStalledReaderTest.)
 */
@QuarkusTest
@TestProfile(UnreadCloseTimeoutTest.ShortTimeout.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class UnreadCloseTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Events per published batch, each batch acknowledged before the next: a batch (about 90 KB) is well under the
     * session budget, so the budget fills because the client's TCP window is shut — what a frozen client does —
     * and not because a burst outran the event loop (whose close frame would still find room in the kernel).
     */
    private static final int BATCH = 40;
    private static final String PADDING = "x".repeat(2_000);
    private static final String DROPPED = "streamgate_gateway_connections_dropped_total";
    /** Haltless's dashboard stream, as its clients know it. */
    private static final String HALTLESS_SSE = "/api/v1/sse/dashboard";
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10 + 7_000_000);

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.gateway.engine.session-buffer-bytes", "262144",
                    "streamgate.gateway.engine.unread-close-timeout", "1s");
        }
    }

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebSocketClientFrozenPastTheTimeoutIsDropped() throws Exception {
        double droppedBefore = metric(DROPPED);
        try (RawWebSocket frozen = RawWebSocket.connect(URI.create(
                root.resolve("/ws/safety/").toString().replaceFirst("^http", "ws")), 4_096)) {
            frozen.next();
            // From here the client reads nothing until the gateway has dropped it.
            publishUntilSlowConsumerClose("safety.events", this::publishSafetyEvents, "frozen-" + UUID.randomUUID());
            awaitDropped(droppedBefore);

            boolean closeFrame = false;
            boolean ended = false;
            try {
                while (!closeFrame) {
                    closeFrame = frozen.next().isClose();
                }
            } catch (EOFException | SocketException droppedConnection) {
                ended = true;
            }
            assertTrue(ended, "the TCP connection ended");
            assertFalse(closeFrame, "the close frame never left the server: it was dropped with what waited");
        }
    }

    @Test
    void anSseClientFrozenPastTheTimeoutIsDropped() throws Exception {
        String tenant = "frozen-" + UUID.randomUUID().toString().substring(0, 8);
        double droppedBefore = metric(DROPPED);
        try (Socket frozen = new Socket()) {
            frozen.setReceiveBufferSize(4_096);
            frozen.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            frozen.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = frozen.getOutputStream();
            out.write(("GET " + HALTLESS_SSE + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + DevCredentials.tokenFor(tenant, Role.USER)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = frozen.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] chunk = new byte[1_024];
            while (!received.toString(StandardCharsets.UTF_8).contains("heartbeat")) {
                int n = in.read(chunk);
                assertTrue(n >= 0, "the stream ended before its first heartbeat");
                received.write(chunk, 0, n);
            }
            publishUntilSlowConsumerClose("alerts.triggered", this::publishAlerts, tenant);
            awaitDropped(droppedBefore);

            boolean ended = false;
            try {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    received.write(chunk, 0, n);
                }
                ended = true;
            } catch (SocketException reset) {
                ended = true;
            }
            assertTrue(ended, "the TCP connection ended");
            assertFalse(received.toString(StandardCharsets.UTF_8).contains("event: close"),
                    "the close event never left the server: it was dropped with what waited");
        }
    }

    private void awaitDropped(double droppedBefore) {
        try {
            Deadline.await("the gateway to drop the frozen client", WAIT, () -> metric(DROPPED) > droppedBefore);
        } catch (IllegalStateException late) {
            throw new AssertionError(late.getMessage() + "; the gateway's connection figures: " + metricLines(), late);
        }
    }

    private interface Batch {
        void publish(EventWriter writer, String key) throws Exception;
    }

    /** Publishes batch after batch until the gateway has closed a client of {@code feed} as a slow consumer. */
    private void publishUntilSlowConsumerClose(String feed, Batch batch, String key) throws Exception {
        String closes = "streamgate_gateway_slow_consumer_closes_total{feed=\"" + feed + "\"}";
        double before = metric(closes);
        long end = System.nanoTime() + WAIT.toNanos();
        try (EventWriter writer = new EventWriter(bootstrapServers())) {
            while (metric(closes) <= before) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the frozen client was not closed as a slow consumer within " + WAIT
                            + "; the gateway's connection figures: " + metricLines());
                }
                batch.publish(writer, key);
            }
        }
    }

    private void publishSafetyEvents(EventWriter writer, String flight) throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            long id = IDS.incrementAndGet();
            Instant now = Instant.now();
            SafetyEvent event = new SafetyEvent(id, now, SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL,
                    "a1b2c3", null, flight, null, "Emergency squawk 7700 detected",
                    Map.of("squawk", "7700", "padding", PADDING), now.minusSeconds(5), now, false, false);
            acks.add(writer.sendAsync(Topics.SAFETY_EVENTS.name(), flight, EventTypes.SAFETY_EVENT, "default",
                    Json.encode(event)));
        }
        awaitAll(writer, acks);
    }

    private void publishAlerts(EventWriter writer, String tenant) throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            acks.add(writer.sendAsync(Topics.ALERTS_TRIGGERED.name(), "rule-frozen", EventTypes.SENSOR_ALERT,
                    tenant, Json.encode(new SensorAlert("al-" + IDS.incrementAndGet(), "rule-frozen", "m-1",
                            "temperature", "critical", "hot " + PADDING, 90, 85, Instant.now()))));
        }
        awaitAll(writer, acks);
    }

    private static void awaitAll(EventWriter writer, List<Future<?>> acks) throws Exception {
        writer.flush();
        for (Future<?> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private String metricLines() {
        try {
            return http.send(HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith("streamgate_gateway_") && !line.contains("bucket"))
                    .filter(line -> line.contains("slow") || line.contains("connections") || line.contains("refused")
                            || line.contains("unflushed"))
                    .reduce((a, b) -> a + "\n" + b).orElse("(none)");
        } catch (IOException | InterruptedException e) {
            return "metrics unavailable: " + e;
        }
    }

    private double metric(String series) {
        try {
            String body = http.send(HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("metrics unavailable", e);
        }
    }
}
