package io.streamgate.platform.kafka;

import static io.streamgate.platform.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BroadcastModeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final TopicPartition STATE_0 = new TopicPartition("aircraft.state", 0);
    private static final TopicPartition STATE_1 = new TopicPartition("aircraft.state", 1);
    private static final TopicPartition POSITIONS_0 = new TopicPartition("aircraft.positions", 0);

    private final RecordingHandler handler = new RecordingHandler();
    private final RecordingConsumer consumer = new RecordingConsumer().topic("aircraft.state", 2, 3)
            .topic("aircraft.positions", 1, 10);
    private final BroadcastMode mode = new BroadcastMode("gateway", topics(), Duration.ofMillis(10),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private ConsumerLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private static Map<String, StartPosition> topics() {
        Map<String, StartPosition> topics = new LinkedHashMap<>();
        topics.put("aircraft.state", StartPosition.earliest());
        topics.put("aircraft.positions", StartPosition.lookback(WINDOW));
        return topics;
    }

    private void start() {
        loop = new ConsumerLoop("gateway-broadcast-consumer", mode, handler, settings -> consumer,
                new SimpleMeterRegistry());
        loop.start();
        await("the assignment", () -> handler.calls.contains("assigned 3"));
    }

    @Test
    void aBroadcastReaderIsInNoGroupAndCommitsNothing() {
        Map<String, Object> settings = mode.settings();

        assertFalse(settings.containsKey(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals(false, settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("latest", settings.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertTrue(((String) settings.get(ConsumerConfig.CLIENT_ID_CONFIG)).startsWith("gateway-"));
    }

    @Test
    void everyPartitionStartsWhereItsTopicSays() {
        consumer.offsetsByTime.put(POSITIONS_0, 7L);

        start();

        assertEquals(Set.of(STATE_0, STATE_1, POSITIONS_0), consumer.assignment());
        assertEquals(Set.of(), consumer.subscription());
        assertEquals(Map.of(STATE_0, 0L, STATE_1, 0L, POSITIONS_0, 7L), handler.startPositions);
        assertEquals(Map.of(POSITIONS_0, NOW.minus(WINDOW).toEpochMilli()), consumer.timesAsked);
    }

    @Test
    void aLookbackWithNothingInItsWindowStartsAtTheEnd() {
        start();

        assertEquals(10L, handler.startPositions.get(POSITIONS_0));
    }

    @Test
    void caughtUpOnceEveryPartitionIsReadToWhereItEndedAtTheStart() {
        start();
        assertFalse(mode.isCaughtUp());

        consumer.schedulePollTask(() -> {
            consumer.addRecord(RecordingConsumer.record("aircraft.state", 0, 0));
            consumer.addRecord(RecordingConsumer.record("aircraft.state", 0, 1));
            consumer.addRecord(RecordingConsumer.record("aircraft.state", 1, 0));
        });
        await("the first records", () -> handler.offsets.size() == 3);
        assertFalse(mode.isCaughtUp(), "aircraft.state-0 and -1 end at 3");

        consumer.schedulePollTask(() -> {
            consumer.addRecord(RecordingConsumer.record("aircraft.state", 0, 2));
            for (long offset = 1; offset < 3; offset++) {
                consumer.addRecord(RecordingConsumer.record("aircraft.state", 1, offset));
            }
        });
        await("caught up", mode::isCaughtUp);
        assertEquals(List.of(), consumer.commits());
    }
}
