package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SkySpyAircraftPicture;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * {@code streamgate_gateway_messages_out_total} and {@code streamgate_gateway_bytes_out_bytes_total}
 * count exactly what reached the clients: every frame once, with its bytes. A gateway of its own (a
 * profile) whose heartbeat is off, and clients of a tenant of their own, so that every frame written
 * while the test runs is one the test caused and its clients read; the counters' deltas must then
 * equal what the clients received, frame for frame and byte for byte.
 */
@QuarkusTest
@TestProfile(SkySpyTrafficMetricsTest.Quiet.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyTrafficMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MESSAGES_OUT = "streamgate_gateway_messages_out_total";
    private static final String BYTES_OUT = "streamgate_gateway_bytes_out_bytes_total";

    /** No heartbeat within the test: the only frames are those the test asks for. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.gateway.engine.heartbeat", "1h");
        }
    }

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void theCountersGrowByExactlyTheFramesAndBytesTheClientsReceived() {
        String tenant = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> credential = Map.of("Authorization", "Bearer " + DevCredentials.tokenFor(tenant, Role.USER));
        double messagesBefore = metric(MESSAGES_OUT);
        double bytesBefore = metric(BYTES_OUT);
        try (Client full1 = new Client(WebSocketProbe.connect(ws(), credential));
                Client full2 = new Client(WebSocketProbe.connect(ws(), credential));
                Client delta = new Client(WebSocketProbe.connect(URI.create(ws() + "?mode=delta"), credential))) {
            List<Client> clients = List.of(full1, full2, delta);
            for (Client client : clients) {
                JsonNode snapshot = Client.json(client.take(frame -> true));
                assertEquals("aircraft:snapshot", snapshot.path("type").asText());
                assertEquals(0, snapshot.path("data").path("count").asInt(), "a tenant of its own starts empty");
            }

            try (KafkaProducer<String, byte[]> producer = DevstackProducer.open()) {
                publish(producer, tenant, position("ad0001", 1000));
                publish(producer, tenant, position("ad0002", 2000));
                publish(producer, tenant, position("ad0003", 3000));
                producer.flush();
                for (Client client : clients) {
                    client.takeUntil(p -> p.aircraft().size() == 3);
                }
                publish(producer, tenant, position("ad0001", 1500));
                producer.flush();
                for (Client client : clients) {
                    client.takeUntil(p -> p.aircraft().get("ad0001").path("alt_baro").asInt() == 1500);
                }
            }
            // Replies are frames too.
            full1.probe.send("{\"action\":\"ping\"}");
            full1.take(frame -> frame.equals("{\"type\":\"pong\"}"));
            delta.probe.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"m1\","
                    + "\"params\":{\"icao\":\"ad0001\"}}");
            delta.take(frame -> frame.contains("\"m1\""));

            // What each client got is exactly the known set, however the ticks cut it into frames.
            List<String> changes = List.of("aircraft:new ad0001", "aircraft:new ad0002", "aircraft:new ad0003");
            assertEquals(sorted("aircraft:snapshot", changes, "aircraft:update ad0001", "pong"), full1.messages());
            assertEquals(sorted("aircraft:snapshot", changes, "aircraft:update ad0001"), full2.messages());
            assertEquals(sorted("aircraft:snapshot", changes, "aircraft:delta ad0001", "response ad0001"),
                    delta.messages());

            long frames = clients.stream().mapToLong(c -> c.frames.size()).sum();
            long bytes = clients.stream().mapToLong(Client::bytes).sum();
            // A frame is counted once its write completed on the socket, possibly after the client read it.
            try {
                Deadline.await("the flushed frames to be counted", WAIT,
                        () -> metric(MESSAGES_OUT) - messagesBefore >= frames && metric(BYTES_OUT) - bytesBefore >= bytes);
            } catch (IllegalStateException late) {
                throw new AssertionError(late.getMessage() + ": the clients received " + frames + " frames, "
                        + bytes + " bytes; counted " + (metric(MESSAGES_OUT) - messagesBefore) + " frames, "
                        + (metric(BYTES_OUT) - bytesBefore) + " bytes", late);
            }
            assertEquals(frames, Math.round(metric(MESSAGES_OUT) - messagesBefore), "frames out, each counted once");
            assertEquals(bytes, Math.round(metric(BYTES_OUT) - bytesBefore), "bytes out, exactly the frames' bytes");
        }
    }

    /** One client's frames, as read, and the picture they make. */
    private static final class Client implements AutoCloseable {

        final WebSocketProbe probe;
        final List<String> frames = new ArrayList<>();
        final SkySpyAircraftPicture picture = new SkySpyAircraftPicture();

        Client(WebSocketProbe probe) {
            this.probe = probe;
        }

        /** Reads every frame up to and including the first that matches. */
        String take(Predicate<String> wanted) {
            long end = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String frame = probe.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
                frames.add(frame);
                String type = json(frame).path("type").asText();
                if (type.startsWith("aircraft:") || type.equals("batch")) {
                    picture.apply(frame);
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        }

        void takeUntil(Predicate<SkySpyAircraftPicture> shown) {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!shown.test(picture)) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the picture never showed what was published: " + frames);
                }
                take(frame -> true);
            }
        }

        long bytes() {
            return frames.stream().mapToLong(f -> f.getBytes(StandardCharsets.UTF_8).length).sum();
        }

        /** The messages of every frame (a batch's unpacked), as "type hex", sorted. */
        List<String> messages() {
            List<String> messages = new ArrayList<>();
            for (String frame : frames) {
                JsonNode json = json(frame);
                if ("batch".equals(json.path("type").asText())) {
                    json.path("messages").forEach(m -> messages.add(describe(m)));
                } else {
                    messages.add(describe(json));
                }
            }
            return messages.stream().sorted().toList();
        }

        private static String describe(JsonNode message) {
            String hex = message.path("data").path("hex").asText("");
            return (message.path("type").asText() + " " + hex).strip();
        }

        static JsonNode json(String frame) {
            try {
                return Json.mapper().readTree(frame);
            } catch (IOException e) {
                throw new AssertionError(frame, e);
            }
        }

        @Override
        public void close() {
            probe.close();
        }
    }

    private static List<String> sorted(String first, List<String> middle, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(middle);
        all.addAll(List.of(rest));
        return all.stream().sorted().toList();
    }

    private double metric(String series) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? (\\S+)$").matcher(body);
            if (!m.find()) {
                throw new AssertionError(series + " is not exported");
            }
            return Double.parseDouble(m.group(1));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("metrics unavailable", e);
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    private static AircraftPosition position(String hex, int alt) {
        return new AircraftPosition(hex, "MTR" + hex.substring(4), 46.0 + alt / 10_000.0, 7.0, alt, false, null, 250.0,
                90.0, 0, null, "1000", null, "A3", false, null, null, null, 0.5, false, Instant.now());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String tenant, AircraftPosition position) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, position.timestamp(),
                position.hex(), tenant), headers);
        producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), null, position.hex(),
                Json.encode(position), headers));
    }
}
