package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;
import io.streamgate.stats.kafka.StatsConsumer;
import io.streamgate.stats.publish.StatsPublisher;

/**
 * The aggregation component restarted (consumer left the group, in-memory windows gone, rejoined from the
 * committed offsets): the day's counters carry on from Redis, nothing lost, nothing counted twice.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class RestartSurvivalTest {

    private static StatsFixture kafka;

    @Inject
    StatsConsumer consumer;

    @Inject
    StatsPublisher publisher;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void dailyCountersSurviveARestartOfTheAggregation() {
        String tenant = StatsFixture.tenant("restart");
        Instant now = Instant.now();
        String today = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        send(tenant, "b00001", now);
        send(tenant, "b00001", now.plusSeconds(1));
        send(tenant, "b00002", now);
        StatsFixture.awaitFigures(tenant, "daily_totals", d -> d.at("/days/0/positions").asInt() == 3
                && d.at("/days/0/aircraft").asInt() == 2);

        consumer.stop();
        publisher.forget();
        // Written while the aggregation is down: read after the restart from the committed offsets.
        send(tenant, "b00003", now.plusSeconds(2));
        consumer.start();
        send(tenant, "b00001", now.plusSeconds(3));

        JsonNode daily = StatsFixture.awaitFigures(tenant, "daily_totals", d -> d.at("/days/0/positions").asInt() >= 5);
        assertEquals(5, daily.at("/days/0/positions").asInt(), "3 before + 2 after, none twice: " + daily);
        assertEquals(3, daily.at("/days/0/aircraft").asInt());
        assertEquals(today, daily.at("/days/0/date").asText());
        String counters = "streamgate:tenant:" + tenant + ":stats-agg:aircraft:day:" + today;
        assertEquals("5", redis.hash(String.class).hget(counters, "positions"), "the HINCRBY counter in Redis");
        long ttl = redis.key().ttl(counters);
        assertEquals(true, ttl > 7 * 86_400 && ttl <= 8 * 86_400, "day counters expire after days + 1: " + ttl);

        JsonNode aircraft = StatsFixture.awaitFigures(tenant, "aircraft_stats", d -> d.get("total").asInt() == 3);
        assertEquals(3, aircraft.get("with_position").asInt(), "the aircraft table lives in Redis, not in memory");
    }

    private static void send(String tenant, String hex, Instant at) {
        AircraftPosition position = StatsFixture.position(hex, null, 47.2, 8.2, false, "A2", null, at);
        kafka.send(Topics.AIRCRAFT_POSITIONS, hex, tenant, EventTypes.AIRCRAFT_POSITION, at, position);
    }
}
