package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A member of a consumer group: replicas share the group and split the partitions. A poll's offsets are
 * committed only after the handler returned (it waits for its own output to be acknowledged), so a crash reads
 * the poll again rather than losing its output: at least once.
 */
public final class GroupMode extends ConsumerMode {

    private static final Logger LOG = Logger.getLogger(GroupMode.class);

    private final String clientId;
    private final GroupSettings settings;
    private final List<String> topics;

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
        consumer.subscribe(topics, new Rebalance(consumer, handler, loop));
    }

    @Override
    void processed(Consumer<String, byte[]> consumer) {
        if (settings.commit() == GroupSettings.Commit.SYNC) {
            consumer.commitSync();
        } else {
            consumer.commitAsync();
        }
    }

    /** Tells the handler what it gains and loses; what it processed of a revoked partition is committed first. */
    private static final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> consumer;
        private final ConsumerLoop.Handler handler;
        private final String loop;

        Rebalance(Consumer<String, byte[]> consumer, ConsumerLoop.Handler handler, String loop) {
            this.consumer = consumer;
            this.handler = handler;
            this.loop = loop;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                handler.revoked(partitions);
                // Before the partitions go: the new owner starts after what this member processed.
                consumer.commitSync();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already: nothing may be committed for them any more.
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
