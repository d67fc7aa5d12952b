package io.streamgate.platform.kafka;

import static io.streamgate.platform.kafka.TestBroker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consumer loop as a group member, on the devstack's broker: commits, rebalances and failures. */
class GroupModeTest {

    private static TestBroker broker;

    private final RecordingHandler handler = new RecordingHandler();
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final String group = TestBroker.newGroup("safety-sensors");
    private TopicPartition p0;
    private TopicPartition p1;

    @BeforeAll
    static void connect() {
        broker = new TestBroker();
    }

    @AfterAll
    static void disconnect() {
        broker.close();
    }

    @BeforeEach
    void newTopic() {
        String topic = broker.newTopic("sensor.readings", 2);
        p0 = new TopicPartition(topic, 0);
        p1 = new TopicPartition(topic, 1);
    }

    @AfterEach
    void stop() {
        loops.forEach(ConsumerLoop::stop);
    }

    private GroupMode mode(GroupSettings.Commit commit) {
        // From the earliest record: the records a test writes before its loop joins are what it reads.
        return ConsumerMode.group("safety-sensors", new GroupSettings(group, "earliest", Duration.ofMillis(10), 500,
                commit), List.of(p0.topic()));
    }

    private ConsumerLoop start(GroupSettings.Commit commit, RecordingHandler handler) {
        ConsumerLoop loop = new ConsumerLoop("test-loop-" + loops.size(), mode(commit), handler, broker.clients(),
                new SimpleMeterRegistry());
        loops.add(loop);
        loop.start();
        return loop;
    }

    @Test
    void aGroupMemberCommitsByHandAndHandsOverOnlyWhatMoves() {
        Map<String, Object> settings = ConsumerMode.group("safety-sensors", new GroupSettings("safety-sensors",
                "latest", Duration.ofMillis(10), 500, GroupSettings.Commit.ASYNC), List.of("sensor.readings"))
                .settings();

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
        broker.write(p0, 3);
        AtomicReference<Long> committedDuringProcess = new AtomicReference<>(-1L);
        handler.onProcess = records -> committedDuringProcess.compareAndSet(-1L, broker.committed(group, p0));

        start(GroupSettings.Commit.ASYNC, handler);

        await("the poll committed", () -> Long.valueOf(3).equals(broker.committed(group, p0)));
        assertNull(committedDuringProcess.get(), "committed before the handler returned");
        assertEquals("assigned 2", handler.calls.get(0));
        assertEquals(List.of(0L, 1L, 2L), handler.offsets);
        assertEquals(2, handler.partitionCount);
        assertEquals(Map.of(p0, 0L, p1, 0L), handler.startPositions);
        await("ticks between polls", () -> handler.ticks.get() > 1);
    }

    @Test
    void syncCommitsWaitForTheBroker() {
        broker.write(p0, 3);
        AtomicReference<Long> committedAtFirstTick = new AtomicReference<>(-1L);
        handler.onTick = now -> {
            if (handler.offsets.size() == 3) {
                committedAtFirstTick.compareAndSet(-1L, broker.committed(group, p0));
            }
        };

        start(GroupSettings.Commit.SYNC, handler);

        await("the first tick after the poll", () -> committedAtFirstTick.get() != -1L);
        assertEquals(3L, committedAtFirstTick.get(), "committed by the time the loop went on");
    }

    @Test
    void aPartitionMovesToANewMemberAfterWhatTheFirstProcessed() {
        broker.write(p0, 3);
        broker.write(p1, 3);
        start(GroupSettings.Commit.ASYNC, handler);
        await("the first member processed both partitions", () -> handler.offsets.size() == 6);

        RecordingHandler second = new RecordingHandler();
        start(GroupSettings.Commit.ASYNC, second);

        await("one partition handed to the second member", () -> second.calls.contains("assigned 1"));
        assertTrue(handler.calls.contains("revoked 1"), handler.calls.toString());
        TopicPartition moved = second.startPositions.keySet().iterator().next();
        assertEquals(3L, second.startPositions.get(moved), "the new owner starts after what the first processed");
        broker.write(p0, 1);
        broker.write(p1, 1);
        await("the next record of each partition", () -> handler.offsets.size() == 7 && second.offsets.size() == 1);
        assertEquals(List.of(3L), second.offsets, "nothing read twice, nothing skipped");
    }

    @Test
    void aFailedPollIsNotCommittedAndIsReadAgainByTheNextConnection() {
        broker.write(p0, 3);
        IllegalStateException broken = new IllegalStateException("safety.events did not acknowledge");
        handler.onProcess = records -> {
            if (handler.failures.isEmpty()) {
                throw broken;
            }
        };

        start(GroupSettings.Commit.ASYNC, handler);

        await("the next connection processed the poll", () -> handler.offsets.size() == 3);
        await("its commit", () -> Long.valueOf(3).equals(broker.committed(group, p0)));
        assertSame(broken, handler.failures.get(0));
        assertEquals(List.of(0L, 1L, 2L), handler.offsets, "the failed poll read again, whole");
        assertEquals(List.of("assigned 2", "failed", "assigned 2"),
                handler.calls.stream().filter(call -> !call.startsWith("process") && !call.startsWith("revoked")
                        && !call.startsWith("lost")).toList());
    }

    @Test
    void stopClosesTheConsumerAndTheLoopCanStartAgain() {
        ConsumerLoop loop = start(GroupSettings.Commit.ASYNC, handler);
        await("polling in the group", () -> handler.calls.contains("assigned 2"));

        loop.stop();

        assertEquals(0, broker.members(group), "the consumer left the group when stop() returned");
        int ticks = handler.ticks.get();
        loop.start();
        await("polling again", () -> handler.ticks.get() > ticks);
        assertEquals(1, broker.members(group));
    }

    @Test
    void aStopThatLetsThePollFinishCommitsIt() throws InterruptedException {
        broker.write(p0, 3);
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
        ConsumerLoop loop = start(GroupSettings.Commit.SYNC, handler);
        assertTrue(processing.await(30, TimeUnit.SECONDS));

        // The handler is still processing when stop() begins to wait for it; only then is it let go.
        Thread stopper = new Thread(() -> loop.stop(Duration.ofSeconds(5)), "stopper");
        stopper.start();
        await("stop() waiting for the poll to finish", () -> stopper.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        stopper.join(30_000);
        assertFalse(stopper.isAlive(), "stop() returned");

        assertEquals(3L, broker.committed(group, p0));
        assertEquals(0, broker.members(group));
    }
}
