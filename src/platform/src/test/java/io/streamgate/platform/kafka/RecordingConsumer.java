package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Kafka's {@link MockConsumer} that also says how it was committed to, answers {@code offsetsForTimes} (which
 * the mock does not), and does not spin when it has nothing: an empty poll waits a little, as a real one would.
 * It serves the loop's unit tests only — rebalances, failures and commit order on demand, which a real broker
 * cannot be made to produce at a chosen moment; every service's integration tests run the same loop against
 * the real broker from src/devstack.
 */
final class RecordingConsumer extends MockConsumer<String, byte[]> {

    final List<String> commits = new ArrayList<>();
    final Map<TopicPartition, Long> offsetsByTime = new HashMap<>();
    final Map<TopicPartition, Long> timesAsked = new HashMap<>();
    private final Map<TopicPartition, Long> committedOffsets = new HashMap<>();
    volatile boolean wokenUp;

    RecordingConsumer() {
        super("latest");
    }

    /** A topic with {@code count} partitions, each from offset 0 to {@code end}. */
    RecordingConsumer topic(String topic, int count, long end) {
        List<PartitionInfo> infos = new ArrayList<>();
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int p = 0; p < count; p++) {
            infos.add(new PartitionInfo(topic, p, null, null, null));
            beginnings.put(new TopicPartition(topic, p), 0L);
            ends.put(new TopicPartition(topic, p), end);
        }
        updatePartitions(topic, infos);
        updateBeginningOffsets(beginnings);
        updateEndOffsets(ends);
        return this;
    }

    static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, offset, TimestampType.CREATE_TIME, 0, 0, "key-" + offset,
                new byte[] {(byte) offset}, new RecordHeaders(), Optional.empty());
    }

    @Override
    public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = super.poll(timeout);
        if (records.isEmpty()) {
            try {
                wait(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    @Override
    public synchronized void commitAsync() {
        commits.add("async");
        super.commitAsync();
        rememberCommitted();
    }

    @Override
    public synchronized void commitSync() {
        commits.add("sync");
        super.commitSync();
        rememberCommitted();
    }

    /** The mock forgets its commits once closed; a test asks after the loop closed it. */
    private void rememberCommitted() {
        committed(assignment()).forEach((partition, offset) -> committedOffsets.put(partition, offset.offset()));
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times) {
        timesAsked.putAll(times);
        Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
        times.forEach((partition, time) -> {
            Long offset = offsetsByTime.get(partition);
            // Kafka's answer: null where no record was written at or after the time.
            found.put(partition, offset == null ? null : new OffsetAndTimestamp(offset, time));
        });
        return found;
    }

    @Override
    public synchronized void wakeup() {
        wokenUp = true;
        super.wakeup();
    }

    synchronized List<String> commits() {
        return List.copyOf(commits);
    }

    synchronized Long committedOffset(TopicPartition partition) {
        return committedOffsets.get(partition);
    }
}
