package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;
import io.streamgate.stats.publish.PublicationFloor;

/**
 * At most one publication per (tenant, stat type) per 2 s, judged by the records' own timestamps: the figures
 * change again right after every publication, so only the floor holds the next one back.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicationFloorTest {

    private static StatsFixture kafka;

    @Inject
    PublicationFloor floor;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void constantlyChangingFiguresArePublishedAtMostOncePerInterval() {
        String tenant = StatsFixture.tenant("floor");
        String key = tenant + "/aircraft_stats";
        List<Instant> published = new ArrayList<>();
        try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), Topics.STATS_UPDATES.name())) {
            int seen = 0;
            for (int round = 0; published.size() < 4; round++) {
                // A new aircraft each round: aircraft_stats changes, every time.
                Instant now = Instant.now();
                String hex = String.format("f%05x", round);
                kafka.send(Topics.AIRCRAFT_POSITIONS, hex, tenant, EventTypes.AIRCRAFT_POSITION, now,
                        StatsFixture.position(hex, null, 47.0, 8.0, false, "A3", null, now));
                int before = published.size();
                final int from = seen;
                Deadline.await("the next aircraft_stats publication", StatsFixture.WAIT, () -> {
                    List<ConsumerRecord<String, byte[]>> all = probe.drain(Duration.ofMillis(50));
                    for (ConsumerRecord<String, byte[]> r : all.subList(Math.min(from, all.size()), all.size())) {
                        if (key.equals(r.key())) {
                            published.add(KafkaBinaryBinding.read(r.headers()).time());
                        }
                    }
                    return published.size() > before;
                });
                seen = probe.drain(Duration.ZERO).size();
            }
            assertSpaced(key, published);
            // Every other stat type of the tenant (daily totals, tracking quality, …) changed as often: same floor.
            Map<String, List<Instant>> byKey = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> r : probe.drain(Duration.ofMillis(100))) {
                if (r.key() != null && r.key().startsWith(tenant + "/")) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(KafkaBinaryBinding.read(r.headers()).time());
                }
            }
            assertTrue(byKey.size() >= 5, "several stat types published: " + byKey.keySet());
            assertTrue(byKey.get(tenant + "/daily_totals").size() >= 2, "daily totals changed too: " + byKey);
            byKey.forEach(this::assertSpaced);
        }
    }

    private void assertSpaced(String key, List<Instant> published) {
        for (int i = 1; i < published.size(); i++) {
            Duration gap = Duration.between(published.get(i - 1), published.get(i));
            assertTrue(gap.compareTo(floor.interval()) >= 0, key + ": publications " + (i - 1) + " and " + i
                    + " only " + gap.toMillis() + " ms apart: " + published);
        }
    }

    @Test
    void theFloorIsSharedThroughRedis() {
        String tenant = StatsFixture.tenant("claim");
        long now = System.currentTimeMillis();
        assertTrue(floor.claim(tenant, "dashboard", now));
        assertFalse(floor.claim(tenant, "dashboard", now + floor.interval().toMillis() - 1),
                "another claim, as a second replica would make, inside the interval");
        assertTrue(floor.claim(tenant, "queue_stats", now), "stat types have their own floors");
        assertTrue(floor.claim(tenant, "dashboard", now + floor.interval().toMillis()));
    }
}
