package io.streamgate.safety.sensors;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;

/** Writes input records as ingest does (CloudEvents binary headers) and reads output records back. */
public final class Records implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public Records(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String type, String tenant, String key, Instant time, Object payload) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, time, key, tenant), headers);
        try {
            producer.send(new ProducerRecord<>(topic, null, key, Json.encode(payload), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the test record", e);
        }
    }

    public static String tenant(ConsumerRecord<String, byte[]> record) {
        return KafkaBinaryBinding.read(record.headers()).tenant();
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return KafkaBinaryBinding.read(record.headers()).type();
    }

    /** The records of {@code tenant} decoded as {@code type}. */
    public static <T> List<T> of(List<ConsumerRecord<String, byte[]>> records, String tenant, Class<T> type) {
        return records.stream().filter(r -> tenant.equals(tenant(r))).map(r -> Json.decode(r.value(), type)).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
