package io.streamgate.platform.kafka;

import static io.streamgate.platform.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class GroupModeTest {

    private static final String TOPIC = "sensor.readings";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final RecordingHandler handler = new RecordingHandler();
    private final Queue<RecordingConsumer> connections = new ArrayDeque<>();
    private ConsumerLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private static GroupMode mode(GroupSettings.Commit commit) {
        return ConsumerMode.group("safety-sensors", new GroupSettings("safety-sensors", "latest",
                Duration.ofMillis(10), 500, commit), List.of(TOPIC));
    }

    private RecordingConsumer connection() {
        RecordingConsumer consumer = new RecordingConsumer().topic(TOPIC, 2, 0);
        connections.add(consumer);
        return consumer;
    }

    private void start(GroupMode mode) {
        loop = new ConsumerLoop("test-loop", mode, handler, settings -> connections.remove(),
                new SimpleMeterRegistry());
        loop.start();
    }

    /** On the consumer's next poll: the group gives it both partitions, then three records of the first. */
    private static void assignBothAndWriteThree(RecordingConsumer consumer) {
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
        consumer.schedulePollTask(() -> {
            for (long offset = 0; offset < 3; offset++) {
                consumer.addRecord(RecordingConsumer.record(TOPIC, 0, offset));
            }
        });
    }

    @Test
    void aGroupMemberCommitsByHandAndHandsOverOnlyWhatMoves() {
        Map<String, Object> settings = mode(GroupSettings.Commit.ASYNC).settings();

        assertEquals("safety-sensors", settings.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals(false, settings.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("latest", settings.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertEquals(500, settings.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals(CooperativeStickyAssignor.class.getName(),
                settings.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertTrue(((String) settings.get(ConsumerConfig.CLIENT_ID_CONFIG)).startsWith("safety-sensors-"));
    }

    @Test
    void aPollIsCommittedOnlyAfterTheHandlerReturned() {
        RecordingConsumer consumer = connection();
        assignBothAndWriteThree(consumer);
        AtomicReference<Long> committedDuringProcess = new AtomicReference<>(-1L);
        handler.onProcess = records -> committedDuringProcess.set(consumer.committedOffset(P0));

        start(mode(GroupSettings.Commit.ASYNC));

        await("the poll committed", () -> Long.valueOf(3).equals(consumer.committedOffset(P0)));
        assertNull(committedDuringProcess.get(), "committed before the handler returned");
        assertEquals(List.of("assigned 2", "process 3"), handler.calls);
        assertEquals(List.of("async"), consumer.commits());
        assertEquals(2, handler.partitionCount);
        assertEquals(Map.of(P0, 0L, P1, 0L), handler.startPositions);
        await("ticks between polls", () -> handler.ticks.get() > 1);
    }

    @Test
    void syncCommitsWaitForTheBroker() {
        RecordingConsumer consumer = connection();
        assignBothAndWriteThree(consumer);

        start(mode(GroupSettings.Commit.SYNC));

        await("the poll committed", () -> Long.valueOf(3).equals(consumer.committedOffset(P0)));
        assertEquals(List.of("sync"), consumer.commits());
    }

    @Test
    void aRevokedPartitionIsCommittedBeforeItGoes() {
        RecordingConsumer consumer = connection();
        assignBothAndWriteThree(consumer);
        start(mode(GroupSettings.Commit.ASYNC));
        await("the poll processed", () -> handler.calls.contains("process 3"));

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));

        await("the revocation", () -> handler.calls.contains("revoked 1"));
        await("its commit", () -> consumer.commits().equals(List.of("async", "sync")));
        assertEquals(List.of("assigned 2", "process 3", "revoked 1"), handler.calls);
    }

    @Test
    void aFailedPollIsNotCommittedAndIsReadAgainByTheNextConnection() {
        RecordingConsumer first = connection();
        RecordingConsumer second = connection();
        assignBothAndWriteThree(first);
        assignBothAndWriteThree(second);
        IllegalStateException broken = new IllegalStateException("safety.events did not acknowledge");
        handler.onProcess = records -> {
            if (handler.failures.isEmpty()) {
                throw broken;
            }
        };

        start(mode(GroupSettings.Commit.ASYNC));

        await("the second connection's commit", () -> Long.valueOf(3).equals(second.committedOffset(P0)));
        assertTrue(first.closed());
        assertNull(first.committedOffset(P0));
        assertEquals(List.of(), first.commits());
        assertSame(broken, handler.failures.get(0));
        assertEquals(List.of("assigned 2", "failed", "assigned 2", "process 3"), handler.calls);
        assertEquals(List.of(0L, 1L, 2L), handler.offsets);
    }

    @Test
    void stopClosesTheConsumerAndTheLoopCanStartAgain() {
        RecordingConsumer first = connection();
        start(mode(GroupSettings.Commit.ASYNC));
        await("polling", () -> handler.ticks.get() > 0);

        loop.stop();

        // Whether stop() had to wake the poll up depends on where the loop was (this consumer's polls are
        // short): what holds either way is that the consumer is closed when stop() returns.
        assertTrue(first.closed());
        RecordingConsumer second = connection();
        int ticks = handler.ticks.get();
        loop.start();
        await("polling again", () -> handler.ticks.get() > ticks);
        assertFalse(second.closed());
    }

    @Test
    void aStopThatLetsThePollFinishCommitsItWithoutWakingTheConsumer() throws InterruptedException {
        RecordingConsumer consumer = connection();
        assignBothAndWriteThree(consumer);
        CountDownLatch processing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        handler.onProcess = records -> {
            processing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        start(mode(GroupSettings.Commit.SYNC));
        assertTrue(processing.await(10, TimeUnit.SECONDS));

        // The handler is still processing when stop() begins to wait for it; only then is it let go.
        Thread stopper = new Thread(() -> loop.stop(Duration.ofSeconds(5)), "stopper");
        stopper.start();
        await("stop() waiting for the poll to finish", () -> stopper.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive(), "stop() returned");

        assertEquals(List.of("sync"), consumer.commits());
        assertEquals(3L, consumer.committedOffset(P0));
        assertFalse(consumer.wokenUp);
        assertTrue(consumer.closed());
    }
}
