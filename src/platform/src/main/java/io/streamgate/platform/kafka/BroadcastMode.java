package io.streamgate.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Every partition of every topic, by manual assignment: no consumer group, so every replica sees every record
 * and scaling out never triggers a rebalance. Reading starts where each topic's {@link StartPosition} says, on
 * every (re)connection; nothing is committed. The loop is {@linkplain #isCaughtUp() caught up} once it has
 * read every partition to where it ended when the partitions were assigned (a gateway's views are warm).
 */
public final class BroadcastMode extends ConsumerMode {

    private static final Logger LOG = Logger.getLogger(BroadcastMode.class);

    /** How long the partitions of one topic may take to be listed. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final String clientId;
    private final Map<String, StartPosition> topics;
    private final Duration pollTimeout;
    private final Clock clock;
    /** Where each partition ended at the last assignment (loop thread only). */
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private volatile boolean caughtUp;

    BroadcastMode(String clientId, Map<String, StartPosition> topics, Duration pollTimeout) {
        this(clientId, topics, pollTimeout, Clock.systemUTC());
    }

    BroadcastMode(String clientId, Map<String, StartPosition> topics, Duration pollTimeout, Clock clock) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a broadcast reader needs a topic");
        }
        this.clientId = clientId;
        this.topics = new LinkedHashMap<>(topics);
        this.pollTimeout = pollTimeout;
        this.clock = clock;
    }

    /**
     * True once every partition was read up to where it ended when it was assigned; stays true across later
     * reconnections.
     */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    @Override
    Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Only for a position that has left retention: go on with what comes next.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }

    @Override
    Duration pollTimeout() {
        return pollTimeout;
    }

    @Override
    void join(Consumer<String, byte[]> consumer, ConsumerLoop.Handler handler, String loop) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<TopicPartition> fromStart = new ArrayList<>();
        Map<TopicPartition, Long> lookbackTimes = new HashMap<>();
        long now = clock.millis();
        topics.forEach((topic, start) -> {
            for (PartitionInfo info : consumer.partitionsFor(topic, METADATA_TIMEOUT)) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                partitions.add(partition);
                if (start instanceof StartPosition.Lookback lookback) {
                    lookbackTimes.put(partition, now - lookback.window().toMillis());
                } else {
                    fromStart.add(partition);
                }
            }
        });
        consumer.assign(partitions);
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
        consumer.seekToBeginning(fromStart);
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(lookbackTimes);
        lookbackTimes.keySet().forEach(partition -> {
            OffsetAndTimestamp offset = found.get(partition);
            // Nothing written within the window: start at the end.
            consumer.seek(partition, offset == null ? endOffsets.get(partition) : offset.offset());
        });
        ends.clear();
        ends.putAll(endOffsets);
        handler.assigned(new Assignment(consumer, partitions));
        LOG.infof("%s assigned %d partitions of %s", loop, partitions.size(), topics.keySet());
    }

    @Override
    void processed(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        // No group: nothing to commit. A restart starts from the start positions again.
    }

    @Override
    void polled(Consumer<String, byte[]> consumer, String loop) {
        if (!caughtUp && reachedEnds(consumer)) {
            caughtUp = true;
            LOG.infof("%s has read every partition to where it ended at start", loop);
        }
    }

    private boolean reachedEnds(Consumer<String, byte[]> consumer) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
