package io.streamgate.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.streamgate.devstack.Deadline;
import io.streamgate.platform.event.KafkaBinaryBinding;

/** Counts one tenant's records per key on a topic, reading every partition from its start to its end. */
final class TopicCount {

    private TopicCount() {
    }

    static Map<String, Integer> perKey(String bootstrapServers, String topic, String tenant, Duration wait) {
        Map<String, Integer> perKey = new HashMap<>();
        records(bootstrapServers, topic, tenant, wait).forEach(r -> perKey.merge(r.key(), 1, Integer::sum));
        return perKey;
    }

    /** One tenant's records on a topic, every partition from its start to its end, in partition order. */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrapServers, String topic, String tenant,
            Duration wait) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, wait).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, wait);
            Deadline.await("the end of " + topic, wait, () -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenant.equals(KafkaBinaryBinding.get(record.headers(), KafkaBinaryBinding.TENANT))) {
                        records.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    /** How many times each key was accepted by a feed: what Kafka must hold at least (exactly, without faults). */
    static Map<String, Integer> acceptedPerKey(LiveFeed feed) {
        Map<String, Integer> perKey = new HashMap<>();
        feed.accepted().forEach(e -> perKey.merge(e.key(), 1, Integer::sum));
        return perKey;
    }
}
