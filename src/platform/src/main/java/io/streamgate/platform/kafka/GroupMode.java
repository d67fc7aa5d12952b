package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A member of a consumer group: replicas share the group and split the partitions. A poll's offsets are
 * committed only after the handler returned (it waits for its own output to be acknowledged), so a crash reads
 * the poll again rather than losing its output: at least once.
 *
 * <p>What is committed is always what the handler returned from, never the consumer's position: the position has
 * already moved past a poll whose handler failed, and closing the consumer after that failure revokes the
 * partitions — a commit of the position there would skip the failed records for good.
 */
public final class GroupMode extends ConsumerMode {

    private static final Logger LOG = Logger.getLogger(GroupMode.class);

    private final String clientId;
    private final GroupSettings settings;
    private final List<String> topics;
    /** The member of the current connection (loop thread only). */
    private Rebalance member;

    GroupMode(String clientId, GroupSettings settings, Collection<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a group member needs a topic");
        }
        this.clientId = clientId;
        this.settings = settings;
        this.topics = List.copyOf(topics);
    }

    @Override
    Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                // Only the partitions that really move are revoked, so only their state is handed over.
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    }

    @Override
    Duration pollTimeout() {
        return settings.pollTimeout();
    }

    @Override
    void join(Consumer<String, byte[]> consumer, ConsumerLoop.Handler handler, String loop) {
        member = new Rebalance(consumer, handler, loop);
        consumer.subscribe(topics, member);
    }

    @Override
    void processed(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = member.processed(records);
        if (settings.commit() == GroupSettings.Commit.SYNC) {
            consumer.commitSync(done);
        } else {
            consumer.commitAsync(done, null);
        }
    }

    /**
     * One connection's membership: tells the handler what it gains and loses, and commits what it processed of a
     * revoked partition before the partition goes.
     */
    private static final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> consumer;
        private final ConsumerLoop.Handler handler;
        private final String loop;
        /** The next offset after what the handler returned from, per partition this member owns. */
        private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();

        Rebalance(Consumer<String, byte[]> consumer, ConsumerLoop.Handler handler, String loop) {
            this.consumer = consumer;
            this.handler = handler;
            this.loop = loop;
        }

        /** Notes that the handler returned from {@code records}; what to commit for them. */
        Map<TopicPartition, OffsetAndMetadata> processed(ConsumerRecords<String, byte[]> records) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> ofPartition = records.records(partition);
                done.put(partition, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
            }
            processed.putAll(done);
            return done;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                handler.revoked(partitions);
                // Before the partitions go: the new owner starts after what this member processed.
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                partitions.forEach(partition -> {
                    OffsetAndMetadata offset = processed.remove(partition);
                    if (offset != null) {
                        done.put(partition, offset);
                    }
                });
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already: nothing may be committed for them any more.
            partitions.forEach(processed::remove);
            handler.lost(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.infof("%s assigned %s", loop, partitions);
                handler.assigned(new Assignment(consumer, partitions));
            }
        }
    }
}
