package io.streamgate.ingest.adsb.state;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * Reads {@code aircraft.state} from the beginning to what it held when ingest started. Without it, an
 * aircraft that fell silent while ingest was down would keep its last state forever: nothing would
 * remember to write its tombstone.
 */
final class StateRestore {

    /** One aircraft still present in the topic, as its last state record says. */
    record Restored(String tenant, String hex, String source, AircraftPosition position, Instant writtenAt) {
    }

    private StateRestore() {
    }

    /**
     * @throws KafkaException when the topic cannot be read to its end within {@code timeout}
     */
    static List<Restored> read(KafkaClients kafka, Duration timeout) {
        String topic = Topics.AIRCRAFT_STATE.name();
        Map<String, Restored> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-state-restore",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record, latest);
                }
            }
        }
        return List.copyOf(latest.values());
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void apply(ConsumerRecord<String, byte[]> record, Map<String, Restored> latest) {
        if (record.key() == null) {
            return;
        }
        try {
            EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
            String key = envelope.tenant() + '/' + record.key();
            if (record.value() == null) {
                latest.remove(key);
            } else {
                AircraftPosition position = Json.decode(record.value(), AircraftPosition.class);
                latest.put(key, new Restored(envelope.tenant(), record.key(), envelope.source(), position,
                        Instant.ofEpochMilli(record.timestamp())));
            }
        } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
            // Not ours to judge here: a record we cannot read cannot be tombstoned by tenant either.
        }
    }
}
