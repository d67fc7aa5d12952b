package io.streamgate.gateway.dialect.geonicdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.node.DoubleNode;

import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** Writes entity changes to the real {@code entities.changes} topic, as ingest does (key tenant/entityId). */
final class EntityChanges implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(), new ByteArraySerializer());

    static Map<String, NgsiAttribute> temperature(double value) {
        Map<String, NgsiAttribute> data = new LinkedHashMap<>();
        data.put("temperature", new NgsiAttribute("Number", DoubleNode.valueOf(value)));
        return data;
    }

    static EntityChange created(String tenant, String servicePath, String id, String type, double temperature) {
        return EntityChange.created(tenant, servicePath, id, type, temperature(temperature), now());
    }

    static EntityChange updated(String tenant, String id, String type, double temperature) {
        return EntityChange.updated(tenant, "/", id, type, temperature(temperature), List.of("temperature"), now());
    }

    void send(EntityChange change) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test/entities", EventTypes.ENTITY_CHANGE, change.timestamp(),
                change.tenant() + "/" + change.entityId(), change.tenant()), Topics.ENTITIES_CHANGES, headers);
        producer.send(new ProducerRecord<>(Topics.ENTITIES_CHANGES.name(), null,
                change.tenant() + "/" + change.entityId(), Json.encode(change), headers));
    }

    /** Sends and waits until the broker has every record sent so far. */
    void sendAndFlush(EntityChange... changes) {
        for (EntityChange change : changes) {
            send(change);
        }
        producer.flush();
    }

    void flush() {
        producer.flush();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
