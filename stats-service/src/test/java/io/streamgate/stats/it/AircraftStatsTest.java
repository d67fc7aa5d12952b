package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;

/** Positions with {@code ce_tenant} on the real {@code aircraft.positions} → the six aircraft stat types. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AircraftStatsTest {

    private static StatsFixture kafka;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void positionsBecomeAircraftFiguresInRedisOnStatsUpdatesAndOverRest() {
        String tenant = StatsFixture.tenant("sky");
        try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), Topics.STATS_UPDATES.name())) {
            Instant now = Instant.now();
            // Unreadable records are skipped, not fatal: a payload that is not a position, and one without ce_tenant.
            kafka.sendRaw(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), null,
                    "a00009", "not json".getBytes(), malformedHeaders(tenant)));
            kafka.sendRaw(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(),
                    "a00009", io.streamgate.platform.json.Json.encode(
                            StatsFixture.position("a00009", null, 47.5, 8.0, false, "A3", null, now))));
            // Receiver at 47.0, 8.0 (test profile); the farthest non-stale aircraft is 1° north: 60 nm.
            send(tenant, StatsFixture.position("a00001", "UAL123", 47.5, 8.0, false, "A3", "B738", now));
            send(tenant, StatsFixture.position("a00001", "UAL123", 47.6, 8.0, false, "A3", "B738", now.plusSeconds(1)));
            send(tenant, StatsFixture.position("a00002", "BAW45", 48.0, 8.0, false, "A3", "A320", now));
            send(tenant, StatsFixture.position("ae0003", "N12345", 47.1, 8.1, true, "A1", null, now));

            JsonNode stats = StatsFixture.awaitFigures(tenant, "aircraft_stats", d -> d.get("total").asInt() == 3);
            assertEquals(3, stats.get("with_position").asInt());
            assertEquals(1, stats.get("military").asInt());
            assertEquals(2, stats.at("/by_category/A3").asInt());
            assertEquals(1, stats.at("/by_category/A1").asInt());
            assertEquals(GeoMath.distanceNm(47.0, 8.0, 48.0, 8.0), stats.get("max_range_nm").asDouble(), 0.1);
            assertTrue(stats.get("messages_per_second").asDouble() > 0, stats.toString());

            // First, while every position is younger than the 15 s fresh window.
            JsonNode quality = StatsFixture.awaitFigures(tenant, "tracking_quality",
                    d -> d.get("tracked").asInt() == 3 && d.get("positions_last_minute").asInt() == 4);
            assertEquals(3, quality.get("fresh").asInt());
            assertEquals(1.0, quality.get("fresh_share").asDouble());
            assertEquals(3, quality.get("aircraft_last_minute").asInt());
            assertEquals(45.0, quality.get("mean_update_interval_s").asDouble(), 0.01, "60 s × 3 aircraft / 4 positions");

            JsonNode airlines = StatsFixture.awaitFigures(tenant, "airlines", d -> d.get("total_airlines").asInt() == 2);
            assertEquals("BAW", airlines.at("/airlines/0/airline").asText(), "ties in name order: " + airlines);
            assertEquals(1, airlines.at("/airlines/0/aircraft").asInt());
            assertEquals("UAL", airlines.at("/airlines/1/airline").asText());
            assertEquals(1, airlines.at("/airlines/1/aircraft").asInt(), "one aircraft, however many positions");

            JsonNode types = StatsFixture.awaitFigures(tenant, "common_aircraft_types", d -> d.get("aircraft").asInt() == 3);
            assertEquals(2, types.get("by_type").size());
            assertEquals(1, types.get("unknown_type").asInt());
            assertEquals("A3", types.at("/by_category/0/category").asText());
            assertEquals(2, types.at("/by_category/0/count").asInt());

            String today = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
            JsonNode daily = StatsFixture.awaitFigures(tenant, "daily_totals", d -> d.at("/days/0/positions").asInt() == 4);
            assertEquals(today, daily.at("/days/0/date").asText());
            assertEquals(3, daily.at("/days/0/aircraft").asInt());
            assertEquals(7, daily.get("days").size(), "the default seven days");
            assertEquals(0, daily.at("/days/1/positions").asInt());

            int hour = now.atZone(ZoneOffset.UTC).getHour();
            JsonNode hours = StatsFixture.awaitFigures(tenant, "busiest_hours",
                    d -> d.at("/hours/" + hour + "/positions").asInt() == 4);
            assertEquals(3, hours.at("/hours/" + hour + "/aircraft").asInt());
            assertEquals(hour, hours.get("busiest_hour").asInt());
            assertEquals(24, hours.get("hours").size());

            // The same figures went to stats.updates, keyed <tenant>/<stat_type>, with the tenant in ce_tenant.
            List<ConsumerRecord<String, byte[]>> updates = probe.await(1, StatsFixture.WAIT);
            ConsumerRecord<String, byte[]> last = awaitLast(probe, tenant + "/aircraft_stats",
                    d -> d.at("/data/total").asInt() == 3);
            EventEnvelope envelope = KafkaBinaryBinding.read(last.headers());
            assertEquals(EventTypes.STATS_UPDATE, envelope.type());
            assertEquals(tenant, envelope.tenant());
            JsonNode value = StatsFixture.read(new String(last.value()));
            assertEquals("aircraft_stats", value.get("stat_type").asText());
            assertEquals(envelope.time(), Instant.parse(value.get("computed_at").asText()));
            assertTrue(updates.size() >= 1);
        }
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.contains("streamgate_stats_records_total{topic=\"aircraft.positions\"}"), "records counted");
        assertTrue(metrics.contains("streamgate_stats_records_malformed_total{topic=\"aircraft.positions\"}"),
                "malformed records counted");
        assertTrue(metrics.contains("streamgate_stats_published_total{stat_type=\"aircraft_stats\"}"),
                "publications counted");
    }

    private static org.apache.kafka.common.header.internals.RecordHeaders malformedHeaders(String tenant) {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, Instant.now(), "a00009", tenant),
                headers);
        return headers;
    }

    private static ConsumerRecord<String, byte[]> awaitLast(TopicProbe probe, String key,
            java.util.function.Predicate<JsonNode> condition) {
        java.util.concurrent.atomic.AtomicReference<ConsumerRecord<String, byte[]>> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        io.streamgate.devstack.Deadline.await("a stats update " + key, StatsFixture.WAIT, () -> {
            for (ConsumerRecord<String, byte[]> r : probe.drain(java.time.Duration.ofMillis(100))) {
                if (key.equals(r.key()) && condition.test(StatsFixture.read(new String(r.value())))) {
                    found.set(r);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static void send(String tenant, io.streamgate.platform.aviation.AircraftPosition position) {
        kafka.send(Topics.AIRCRAFT_POSITIONS, position.hex(), tenant, EventTypes.AIRCRAFT_POSITION,
                position.timestamp(), position);
    }
}
