package io.streamgate.devstack.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, Instant.now(), key, tenant), headers);
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the broker did not take the event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
