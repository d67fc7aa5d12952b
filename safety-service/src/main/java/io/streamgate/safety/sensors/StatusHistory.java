package io.streamgate.safety.sensors;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;

/**
 * The last published status of every machine, read from the compacted {@code machines.status} topic: what a
 * replica takes over when it starts or is assigned partitions of {@code sensor.readings}, so health survives
 * restarts and hand-overs without a transition being written twice.
 */
public final class StatusHistory {

    /** A machine's last status and its tenant (from {@code ce_tenant}). */
    public record Last(String tenant, MachineStatus status) {
    }

    private StatusHistory() {
    }

    /** Reads the topic from its beginning to its current end; the latest record per key wins. */
    public static Map<String, Last> read(KafkaClients kafka, Duration timeout) {
        Map<String, Last> last = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MACHINES_STATUS.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("machines.status was not read within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(last, record);
                }
            }
        }
        return last;
    }

    /** Applies one record of the topic to {@code last}; tombstones and foreign records are skipped. */
    static void apply(Map<String, Last> last, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            last.remove(record.key());
            return;
        }
        try {
            EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
            if (EventTypes.MACHINE_STATUS.equals(envelope.type())) {
                last.put(record.key(), new Last(envelope.tenant(), Json.decode(record.value(), MachineStatus.class)));
            }
        } catch (RuntimeException malformed) {
            // Not a status record this service wrote: it says nothing about health.
        }
    }

    /** The {@code sensor.readings} partition a machine's readings go to (Kafka's default key partitioning). */
    public static int partitionOf(String machineId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(machineId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitionCount;
    }
}
