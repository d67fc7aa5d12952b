package io.streamgate.platform.kafka;

import static io.streamgate.platform.kafka.TestBroker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consumer loop reading every partition by assignment, on the devstack's broker. */
class BroadcastModeTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static TestBroker broker;

    private final RecordingHandler handler = new RecordingHandler();
    private TopicPartition state0;
    private TopicPartition state1;
    private TopicPartition positions0;
    private BroadcastMode mode;
    private ConsumerLoop loop;

    @BeforeAll
    static void connect() {
        broker = new TestBroker();
    }

    @AfterAll
    static void disconnect() {
        broker.close();
    }

    @BeforeEach
    void newTopics() {
        String state = broker.newTopic("aircraft.state", 2);
        String positions = broker.newTopic("aircraft.positions", 1);
        state0 = new TopicPartition(state, 0);
        state1 = new TopicPartition(state, 1);
        positions0 = new TopicPartition(positions, 0);
        Map<String, StartPosition> topics = new LinkedHashMap<>();
        topics.put(state, StartPosition.earliest());
        topics.put(positions, StartPosition.lookback(WINDOW));
        mode = ConsumerMode.broadcast("gateway", topics, Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private void start() {
        loop = new ConsumerLoop("gateway-broadcast-consumer", mode, handler, broker.clients(),
                new SimpleMeterRegistry());
        loop.start();
        await("the assignment", () -> handler.calls.contains("assigned 3"));
    }

    private static long minutesAgo(int minutes) {
        return System.currentTimeMillis() - Duration.ofMinutes(minutes).toMillis();
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
        broker.write(state0, 3);
        broker.write(state1, 3);
        broker.write(positions0, 7, minutesAgo(10));
        broker.write(positions0, 3, minutesAgo(1));

        start();

        assertEquals(Map.of(state0, 0L, state1, 0L, positions0, 7L), handler.startPositions,
                "the state topic from its start, the positions from the first record within the window");
    }

    @Test
    void aLookbackWithNothingInItsWindowStartsAtTheEnd() {
        broker.write(positions0, 10, minutesAgo(10));

        start();

        assertEquals(10L, handler.startPositions.get(positions0));
    }

    @Test
    void caughtUpOnceEveryPartitionIsReadToWhereItEndedAtTheStart() throws InterruptedException {
        broker.write(state0, 3);
        broker.write(state1, 3);
        CountDownLatch processing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        handler.onProcess = records -> {
            processing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        start();
        assertTrue(processing.await(30, TimeUnit.SECONDS));
        assertFalse(mode.isCaughtUp(), "the first poll is still being processed");

        release.countDown();
        await("caught up", mode::isCaughtUp);
        await("every record of the state topic", () -> handler.offsets.size() == 6);
        broker.write(state0, 2);
        await("the later records", () -> handler.offsets.size() == 8);
        assertTrue(mode.isCaughtUp(), "stays caught up as the topics grow");
    }
}
