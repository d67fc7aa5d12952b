package io.streamgate.ingest.adsb.state;

import static io.streamgate.ingest.identity.TestCallers.api;
import static io.streamgate.ingest.adsb.FeedRecords.await;
import static io.streamgate.ingest.adsb.FeedRecords.bootstrapServers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.ingest.adsb.AircraftPositionEvents;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * {@code aircraft.state} as the gateway reads it: the latest position per aircraft, then a tombstone
 * once it falls silent (the test configuration shortens the timeout to 2 s).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AircraftStateTest {

    /** ICAO addresses from a block no other test uses, handed out in turn: never the same one twice. */
    private static final AtomicInteger NEXT_HEX = new AtomicInteger(0xe00000);

    @Test
    void theLatestPositionIsKeptUntilTheAircraftFallsSilentThenItIsRemoved() {
        String hex = nextHex();
        long timeoutMillis = ConfigProvider.getConfig()
                .getValue("streamgate.ingest.adsb.state.timeout", Duration.class).toMillis();
        try (TopicProbe state = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_STATE.name())) {
            post(1785349721.5, "{\"hex\":\"" + hex + "\",\"lat\":51.0,\"lon\":-0.5,\"seen_pos\":0.3}");
            post(1785349722.5, "{\"hex\":\"" + hex + "\",\"lat\":51.1,\"lon\":-0.6,\"seen_pos\":0.3}");

            List<ConsumerRecord<String, byte[]>> records = await(state, r -> hex.equals(r.key()),
                    found -> found.stream().anyMatch(r -> r.value() == null), "the tombstone of " + hex);

            assertEquals(3, records.size(), "two states, then one tombstone: " + records);
            AircraftPosition latest = Json.decode(records.get(1).value(), AircraftPosition.class);
            assertEquals(51.1, latest.lat());
            assertEquals(Instant.parse("2026-07-29T18:28:42.200Z"), latest.timestamp());

            ConsumerRecord<String, byte[]> tombstone = records.get(2);
            assertNull(tombstone.value());
            EventEnvelope envelope = KafkaBinaryBinding.read(tombstone.headers());
            assertEquals(hex, envelope.subject());
            assertEquals("default", envelope.tenant(), "the gateway routes the removal to the right tenant");
            assertEquals(AircraftPositionEvents.SOURCE, envelope.source());
            assertEquals(EventTypes.AIRCRAFT_POSITION, envelope.type());
            assertTrue(tombstone.timestamp() - records.get(1).timestamp() >= timeoutMillis - 500,
                    "not removed while it was still being heard");
        }
    }

    @Test
    void anAircraftTheReceiverLostLongAgoIsNotBroughtBack() {
        String live = nextHex();
        String lost = nextHex();
        try (TopicProbe state = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_STATE.name())) {
            // dump1090-fa lists a lost aircraft for minutes with a growing seen_pos; 5 s is past the 2 s timeout.
            post(1785349721.5, "{\"hex\":\"" + live + "\",\"lat\":51.0,\"lon\":-0.5,\"seen_pos\":0.1},"
                    + "{\"hex\":\"" + lost + "\",\"lat\":51.2,\"lon\":-0.4,\"seen_pos\":5.0}");

            // The live one's tombstone comes seconds after both were decided together: by then a state
            // written for the lost one would long have arrived.
            List<ConsumerRecord<String, byte[]>> records = await(state,
                    r -> live.equals(r.key()) || lost.equals(r.key()),
                    found -> found.stream().anyMatch(r -> live.equals(r.key()) && r.value() == null),
                    "the state and tombstone of " + live);

            assertTrue(records.stream().noneMatch(r -> lost.equals(r.key())), records.toString());
        }
    }

    private static void post(double now, String aircraft) {
        api().contentType("application/json").body("{\"now\":" + now + ",\"aircraft\":[" + aircraft + "]}")
                .post("/v1/aircraft").then().statusCode(202);
    }

    /** An address no other test (nor another call) uses, so the records seen are this test's own. */
    private static String nextHex() {
        return HexFormat.of().toHexDigits(NEXT_HEX.getAndIncrement()).substring(2);
    }
}
