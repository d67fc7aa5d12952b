package io.streamgate.devstack.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;

/**
 * Writes events to the real broker the way StreamGate's services do (CloudEvents binary headers, a tenant,
 * a key), each acknowledged before {@link #send} returns, so a test knows the broker has it.
 */
public final class EventWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String key, String type, String tenant, byte[] value) {
        try {
            sendAsync(topic, key, type, tenant, value).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the broker did not take the event", e);
        }
    }

    /** For volume: many sends in flight, acknowledged together by {@link #flush()}. Order per key is kept. */
    public Future<RecordMetadata> sendAsync(String topic, String key, String type, String tenant, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, Instant.now(), key, tenant), headers);
        return producer.send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
