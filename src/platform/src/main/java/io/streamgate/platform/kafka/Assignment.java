package io.streamgate.platform.kafka;

import java.util.Collection;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions a loop was just given, handed to {@link ConsumerLoop.Handler#assigned}. Valid during that call
 * only: it asks the loop's consumer, which belongs to the loop's thread.
 */
public final class Assignment {

    private final Consumer<?, ?> consumer;
    private final Set<TopicPartition> partitions;

    Assignment(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = Set.copyOf(partitions);
    }

    /** The partitions added: in a group, only those that moved to this member. */
    public Set<TopicPartition> partitions() {
        return partitions;
    }

    /** How many partitions {@code topic} has (a metadata request, so only asked for when needed). */
    public int partitionCount(String topic) {
        return consumer.partitionsFor(topic).size();
    }

    /** The offset of the next record the loop will read from {@code partition}. */
    public long position(TopicPartition partition) {
        return consumer.position(partition);
    }
}
