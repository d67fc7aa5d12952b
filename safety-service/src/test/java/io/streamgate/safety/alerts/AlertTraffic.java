package io.streamgate.safety.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * Positions into the real {@code aircraft.positions} exactly as ingest writes them, and alerts read back
 * from the real {@code alerts.triggered}.
 */
final class AlertTraffic implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_HEX = new AtomicInteger(0x7a0000);

    private final KafkaProducer<String, byte[]> producer;
    private final TopicProbe probe;

    AlertTraffic(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        probe = new TopicProbe(bootstrapServers, Topics.ALERTS_TRIGGERED.name());
    }

    static String nextHex() {
        return Integer.toHexString(NEXT_HEX.getAndIncrement());
    }

    /** Writes positions as ingest does, all to partition 0 so that they are evaluated in this order. */
    void publish(String tenant, Aircraft... aircraft) {
        for (Aircraft a : aircraft) {
            AircraftPosition position = a.position();
            EventEnvelope envelope = EventEnvelope.of("/ingest/test", EventTypes.AIRCRAFT_POSITION,
                    position.timestamp(), a.hex(), tenant);
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(envelope, headers);
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), 0, a.hex(), Json.encode(position),
                    headers));
        }
        producer.flush();
    }

    /**
     * Publishes the aircraft again and again until the rule triggers for it: the way to wait for the evaluator
     * to have loaded a rule. The cooldown keeps the repeats from triggering twice.
     */
    ConsumerRecord<String, byte[]> publishUntilTriggered(String tenant, String ruleId, Aircraft aircraft) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        Deadline.await("rule " + ruleId + " to trigger for " + aircraft.hex(), WAIT, () -> {
            publish(tenant, aircraft);
            List<ConsumerRecord<String, byte[]>> seen = triggered(tenant, ruleId, aircraft.hex(), Duration.ofMillis(150));
            found.set(seen.isEmpty() ? null : seen.get(0));
            return !seen.isEmpty();
        });
        return found.get();
    }

    /** Waits until the rule triggered for the aircraft (published already). */
    ConsumerRecord<String, byte[]> awaitTriggered(String tenant, String ruleId, String hex) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        Deadline.await("rule " + ruleId + " to trigger for " + hex, WAIT, () -> {
            List<ConsumerRecord<String, byte[]>> seen = triggered(tenant, ruleId, hex, Duration.ofMillis(100));
            found.set(seen.isEmpty() ? null : seen.get(0));
            return !seen.isEmpty();
        });
        return found.get();
    }

    /** Every {@code alert.triggered} of the tenant so far for the rule and aircraft (null: any). */
    List<ConsumerRecord<String, byte[]>> triggered(String tenant, String ruleId, String hex, Duration wait) {
        return probe.drain(wait).stream()
                .filter(r -> EventTypes.ALERT_TRIGGERED.equals(KafkaBinaryBinding.read(r.headers()).type()))
                .filter(r -> tenant == null || tenant.equals(KafkaBinaryBinding.read(r.headers()).tenant()))
                .filter(r -> ruleId == null || ruleId.equals(json(r).path("rule_id").asText()))
                .filter(r -> hex == null || hex.equals(json(r).path("icao_hex").asText()))
                .toList();
    }

    /** Waits for the tenant's {@code alert.acknowledged} records naming these alerts. */
    List<ConsumerRecord<String, byte[]>> awaitAcknowledged(String tenant, int records) {
        AtomicReference<List<ConsumerRecord<String, byte[]>>> found = new AtomicReference<>(List.of());
        Deadline.await(records + " acknowledgement record(s) of " + tenant, WAIT, () -> {
            found.set(acknowledged(tenant, Duration.ofMillis(100)));
            return found.get().size() >= records;
        });
        return found.get();
    }

    List<ConsumerRecord<String, byte[]>> acknowledged(String tenant, Duration wait) {
        return probe.drain(wait).stream()
                .filter(r -> EventTypes.ALERT_ACKNOWLEDGED.equals(KafkaBinaryBinding.read(r.headers()).type()))
                .filter(r -> tenant.equals(KafkaBinaryBinding.read(r.headers()).tenant()))
                .toList();
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        probe.close();
        producer.close();
    }
}
