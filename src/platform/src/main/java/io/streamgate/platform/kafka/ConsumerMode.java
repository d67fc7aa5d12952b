package io.streamgate.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * How a {@link ConsumerLoop} gets its partitions and what it does once a poll is processed: as a member of a
 * consumer group ({@link GroupMode}: the group splits the partitions between replicas, offsets are committed)
 * or as a broadcast reader ({@link BroadcastMode}: every partition, every replica, no group, no commits).
 * Called on the loop's thread only.
 */
public abstract sealed class ConsumerMode permits GroupMode, BroadcastMode {

    ConsumerMode() {
    }

    /**
     * @param clientId the client id's prefix (a random suffix keeps replicas apart)
     * @param topics   the topics the group member subscribes to
     */
    public static GroupMode group(String clientId, GroupSettings settings, Collection<String> topics) {
        return new GroupMode(clientId, settings, topics);
    }

    /**
     * @param clientId    the client id's prefix (a random suffix keeps replicas apart)
     * @param topics      every topic to read, with where reading starts in it
     * @param pollTimeout the longest one poll waits for records
     */
    public static BroadcastMode broadcast(String clientId, Map<String, StartPosition> topics, Duration pollTimeout) {
        return new BroadcastMode(clientId, topics, pollTimeout);
    }

    /** The consumer's own settings, before the {@code kafka.*} ones overlay them; asked once per start. */
    abstract Map<String, Object> settings();

    abstract Duration pollTimeout();

    /** Subscribes or assigns; the handler hears of the partitions it gets. */
    abstract void join(Consumer<String, byte[]> consumer, ConsumerLoop.Handler handler, String loop);

    /** After the handler returned from {@code records}. */
    abstract void processed(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);

    /** After every poll, records or not. */
    void polled(Consumer<String, byte[]> consumer, String loop) {
    }
}
