package io.streamgate.gateway.dialect.haltless;

import static io.streamgate.gateway.testing.JsonMessages.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.topic.Topics;

/**
 * A Haltless SSE client that stops reading while alerts keep coming: the gateway's buffer for it stays
 * within its session limit (it does not grow with what the client misses), the stream is ended as a slow
 * consumer, and when the client reads again and reconnects from the last id it received, it has every alert,
 * once, in order.
 */
@QuarkusTest
@TestProfile(HaltlessStalledReaderTest.SmallBuffers.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class HaltlessStalledReaderTest {

    static final int SESSION_BUFFER = 65_536;
    /** More than the session buffer and both sockets' kernel buffers hold, so the gateway must stop writing. */
    private static final int ALERTS = 6_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern EVENT = Pattern.compile("id: (\\S+)\nevent: alert\ndata: (.*)\n\n");

    public static class SmallBuffers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.gateway.engine.session-buffer-bytes", String.valueOf(SESSION_BUFFER));
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void aStalledReaderCostsAtMostItsBufferAndGetsEveryAlertAfterItResumes() throws Exception {
        String tenant = "stall-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevCredentials.tokenFor(tenant, Role.USER);
        double closesBefore = metric("streamgate_gateway_slow_consumer_closes_total{feed=\"alerts.triggered\"");
        List<String> published = new ArrayList<>();
        String padding = "x".repeat(900);
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET " + HaltlessDialect.SSE_PATH + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stalled.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            readUntil(in, received, "heartbeat");

            // What the gateway holds for its clients, sampled all along (the stall is over in a second or two).
            AtomicReference<Double> maxUnflushed = new AtomicReference<>(0.0);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        double now = metric("streamgate_gateway_outbound_unflushed_bytes");
                        maxUnflushed.accumulateAndGet(now, Math::max);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "unflushed-sampler");
            sampler.start();
            try (EventWriter writer = new EventWriter(
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
                List<Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < ALERTS; i++) {
                    String id = "al-" + i;
                    published.add(id);
                    acks.add(writer.sendAsync(Topics.ALERTS_TRIGGERED.name(), "rule-stall", EventTypes.SENSOR_ALERT,
                            tenant, Json.encode(new SensorAlert(id, "rule-stall", "m-1", "temperature", "critical",
                                    "hot " + padding, 90, 85, Instant.now()))));
                }
                writer.flush();
                for (Future<?> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            }
            Deadline.await("the stalled stream ended as a slow consumer", WAIT,
                    () -> metricNow("streamgate_gateway_slow_consumer_closes_total{feed=\"alerts.triggered\"")
                            > closesBefore);
            sampling.set(false);
            sampler.join();
            // That the writes stalled is proven by the slow-consumer close awaited above; the gauge, polled over HTTP,
            // may miss a stall that fills the buffer between two samples, so it only bounds what was held.
            assertTrue(maxUnflushed.get() <= 2 * SESSION_BUFFER, "what the gateway holds for the stalled client stays "
                    + "within its session buffer (one frame over at most): " + maxUnflushed.get() + " bytes");

            // The client reads again: what was on its way, up to the server's close event (1013, slow consumer).
            stalled.setSoTimeout((int) WAIT.toMillis());
            readUntil(in, received, "event: close");
            assertTrue(received.toString(StandardCharsets.UTF_8).contains("\"code\":1013"), "closed as too slow");
            Map<String, String> alerts = alertsIn(received.toString(StandardCharsets.UTF_8));
            assertTrue(alerts.size() < ALERTS, "the slow consumer was cut off before the end");
            String lastId = new ArrayList<>(alerts.values()).get(alerts.size() - 1);

            List<String> all = new ArrayList<>(alerts.keySet());
            try (SseProbe resumed = SseProbe.open(root.resolve(HaltlessDialect.SSE_PATH),
                    Map.of("Authorization", "Bearer " + token, "Last-Event-ID", lastId))) {
                assertEquals(200, resumed.status());
                while (all.size() < ALERTS) {
                    all.add(json(resumed.next("alert", WAIT).data()).get("alert_id").asText());
                }
            }
            assertEquals(published, all, "every alert, once, in order");
        }
    }

    /** alert_id → the event's id, in the order received; only complete events count. */
    private static Map<String, String> alertsIn(String stream) {
        Map<String, String> alerts = new LinkedHashMap<>();
        Matcher matcher = EVENT.matcher(stream.replace("\r\n", "\n"));
        while (matcher.find()) {
            alerts.put(json(matcher.group(2)).get("alert_id").asText(), matcher.group(1));
        }
        return alerts;
    }

    private static void readUntil(InputStream in, ByteArrayOutputStream received, String marker) throws Exception {
        byte[] chunk = new byte[1024];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!received.toString(StandardCharsets.UTF_8).contains(marker)) {
            assertTrue(System.nanoTime() < deadline, "no " + marker + " on the stream");
            int n = in.read(chunk);
            assertTrue(n >= 0, "the stream ended before " + marker);
            received.write(chunk, 0, n);
        }
    }

    private double metricNow(String prefix) {
        try {
            return metric(prefix);
        } catch (Exception e) {
            throw new IllegalStateException("metrics unreadable", e);
        }
    }

    private double metric(String prefix) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix) && !line.startsWith("#")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
