package io.streamgate.ingest.adsb.poll;

import static io.streamgate.ingest.adsb.FeedRecords.await;
import static io.streamgate.ingest.adsb.FeedRecords.bootstrapServers;
import static io.streamgate.ingest.adsb.FeedRecords.fromSource;
import static io.streamgate.ingest.adsb.FeedRecords.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.ingest.adsb.LiveFeedsProfile;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** Ingest polling a receiver, played here by a real JDK HttpServer serving the reference aircraft.json. */
@QuarkusTest
@TestProfile(LiveFeedsProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ReceiverPollTest {

    private static final int FAILING_REQUESTS = 2;

    @Test
    void aReceiverThatFailsAtFirstIsPolledIntoPositionsOnceItAnswers() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.file("adsb/dump1090-fa-aircraft.json"));
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode aircraft : Json.mapper().readTree(file).get("aircraft")) {
            if (aircraft.has("lat")) {
                expected.put(aircraft.get("hex").asText(), aircraft);
            }
        }
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), LiveFeedsProfile.receiverPort()), 0);
        receiver.createContext(LiveFeedsProfile.RECEIVER_PATH, exchange -> {
            try (exchange) {
                if (requests.incrementAndGet() <= FAILING_REQUESTS) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, file.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(file);
                }
            }
        });

        try (TopicProbe positions = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            receiver.start();
            Map<String, ConsumerRecord<String, byte[]>> byHex = new HashMap<>();
            await(positions, fromSource(ReceiverPoller.SOURCE), records -> {
                records.forEach(r -> byHex.put(r.key(), r));
                return byHex.keySet().containsAll(expected.keySet());
            }, "a record for each of the " + expected.size() + " aircraft with a position");

            assertEquals(expected.keySet(), byHex.keySet(), "only aircraft with a position are written");
            for (ConsumerRecord<String, byte[]> record : byHex.values()) {
                AircraftPosition position = Json.decode(record.value(), AircraftPosition.class);
                JsonNode source = expected.get(position.hex());
                assertEquals(source.get("lat").asDouble(), position.lat());
                assertEquals(source.get("lon").asDouble(), position.lon());
                assertEquals(source.has("flight") ? source.get("flight").asText().strip() : null, position.flight());
                assertEquals(LiveFeedsProfile.POLL_TENANT,
                        KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TENANT),
                        "polled positions belong to the configured tenant");
            }
            assertEquals(Set.of("407f5f", "407462", "406a62"), byHex.values().stream()
                    .map(r -> Json.decode(r.value(), AircraftPosition.class)).filter(AircraftPosition::stale)
                    .map(AircraftPosition::hex).collect(Collectors.toSet()),
                    "seen_pos over 15 s is written, marked stale");

            String receiverLabel = "receiver=\"http://127.0.0.1:" + LiveFeedsProfile.receiverPort()
                    + LiveFeedsProfile.RECEIVER_PATH + "\"";
            assertTrue(requests.get() > FAILING_REQUESTS);
            assertTrue(metric("streamgate_ingest_adsb_polls_total", receiverLabel, "outcome=\"http_status\"")
                    >= FAILING_REQUESTS, "each failed poll is counted");
            assertTrue(metric("streamgate_ingest_adsb_polls_total", receiverLabel, "outcome=\"ok\"") >= 1);
        } finally {
            receiver.stop(0);
        }
    }
}
