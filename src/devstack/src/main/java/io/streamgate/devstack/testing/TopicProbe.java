package io.streamgate.devstack.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.streamgate.devstack.Deadline;

/**
 * Watches a topic from the moment it is opened, so a test sees exactly the records its own action
 * wrote: open the probe, act, then {@link #await(int, Duration)}.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Records of aborted transactions (safety's pair detection is exactly once) are not the topic's.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until at least {@code count} records arrived since the probe opened, and returns them all. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
        Deadline.await(count + " record(s)", timeout, () -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.size() >= count;
        });
        return List.copyOf(seen);
    }

    /** Everything that arrived so far, after one more poll of {@code wait}. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration wait) {
        consumer.poll(wait).forEach(seen::add);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
