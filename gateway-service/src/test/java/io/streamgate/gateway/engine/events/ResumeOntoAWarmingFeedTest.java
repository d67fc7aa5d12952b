package io.streamgate.gateway.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.gateway.engine.EngineLoop;
import io.streamgate.gateway.testing.RecordingSession;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.topic.Topics;

/**
 * A client resumes onto a replica that has just started and is still reading its look-back: it must get
 * only what it has not seen, although the feed reads the older events after the client subscribed.
 */
class ResumeOntoAWarmingFeedTest {

    private static final String TENANT = "acme";

    private final EngineLoop loop = new EngineLoop();
    private final EventFeed feed = new EventFeed(Topics.SAFETY_EVENTS, loop, new EventFeedConfig() {
        @Override
        public int replayBufferEvents() {
            return 100;
        }

        @Override
        public int replayMaxEvents() {
            return 100;
        }

        @Override
        public Duration catchUpInterval() {
            return Duration.ofMillis(5);
        }

        @Override
        public Duration aheadWait() {
            return Duration.ofMillis(300);
        }
    }, new KafkaReplay(null), new SimpleMeterRegistry()) {
    };

    @Test
    void eventsTheClientHadSeenOnAnotherReplicaAreNotSentAgain() throws Exception {
        onEngine(() -> feed.onAssigned(Map.of(0, 0L, 1, 0L)));
        // The client saw offset 0 of both partitions before the restart.
        String seen = StreamPosition.start(Topics.SAFETY_EVENTS.name(), 2).after(0, 0).after(1, 0).encode();
        RecordingSession session = new RecordingSession("s", Integer.MAX_VALUE, Identity.anonymous(TENANT));
        feed.subscribe(session, TENANT, events -> events.stream()
                .map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList(), seen, () -> { }).toCompletableFuture()
                .get();

        onEngine(() -> feed.onRecords(List.of(record(0, 0, "old-0"), record(1, 0, "old-1"), record(0, 1, "new-0"))));
        session.await("new-0"::equals);
        onEngine(() -> feed.onRecords(List.of(record(1, 1, "new-1"))));
        session.await("new-1"::equals);

        assertEquals(List.of("new-0", "new-1"), session.texts());
    }

    @Test
    void anIdAheadOfTheLogForLongerThanTheWaitIsAGapAndTheClientGoesLive() throws Exception {
        onEngine(() -> feed.onAssigned(Map.of(0, 0L, 1, 0L)));
        // An id of a log that no longer exists (Kafka recreated): far beyond anything this feed will read soon.
        String foreign = StreamPosition.start(Topics.SAFETY_EVENTS.name(), 2).after(0, 5000).after(1, 5000).encode();
        RecordingSession session = new RecordingSession("s", Integer.MAX_VALUE, Identity.anonymous(TENANT));
        feed.subscribe(session, TENANT, events -> events.stream()
                .map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList(), foreign, () -> session.send("gap"))
                .toCompletableFuture().get();
        session.await("gap"::equals);
        onEngine(() -> feed.onRecords(List.of(record(0, 0, "live-0"))));
        session.await("live-0"::equals);
        assertEquals(List.of("gap", "live-0"), session.texts());
    }

    private void onEngine(Runnable task) throws Exception {
        loop.submit(() -> {
            task.run();
            return null;
        }).get();
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String value) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.SAFETY_EVENT, Instant.now(), value, TENANT),
                headers);
        return new ConsumerRecord<>(Topics.SAFETY_EVENTS.name(), partition, offset, 0L, TimestampType.CREATE_TIME,
                0, 0, value, value.getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty());
    }
}
