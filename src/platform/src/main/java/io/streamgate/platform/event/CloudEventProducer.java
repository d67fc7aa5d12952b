package io.streamgate.platform.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topic;

/**
 * How every derived record reaches Kafka (safety events, alerts, machine status, geofence events,
 * statistics, acknowledgements): an idempotent {@code acks=all} producer, CloudEvents binary headers,
 * and one future per batch that completes when the broker has every record — callers commit the offsets
 * of what caused the records only then (at least once).
 */
public final class CloudEventProducer implements AutoCloseable {

    /** One record: its topic and key, its CloudEvents attributes, its encoded data. */
    public record Outgoing(Topic topic, String key, EventEnvelope envelope, byte[] value) {
    }

    private final KafkaProducer<String, byte[]> producer;

    /**
     * @param kafka the service's Kafka settings: its {@code kafka.*} properties (TLS, SASL, tuning) overlay the
     *              settings below, except acks, idempotence and the delivery timeout, which they may not set
     */
    public CloudEventProducer(KafkaClients kafka, String clientId, Duration linger, Duration deliveryTimeout) {
        long delivery = deliveryTimeout.toMillis();
        long lingerMillis = linger.toMillis();
        this.producer = kafka.producer(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) lingerMillis,
                // Senders run on consumer loops and event loops: an unknown broker fails the future after 5 s
                // instead of blocking the caller for Kafka's default minute.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                // Kafka requires delivery.timeout >= linger + request.timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, (delivery - lingerMillis) / 2)));
    }

    /** The underlying client, for its metrics. */
    public KafkaProducer<String, byte[]> client() {
        return producer;
    }

    public CompletableFuture<Void> send(Outgoing record) {
        return sendAll(List.of(record));
    }

    /**
     * Hands the records to the producer in order (records of one key keep it). Never throws for a broker
     * problem or a closed producer: the future fails instead.
     *
     * @return completes when the broker acknowledged every record, or fails with the first error
     */
    public CompletableFuture<Void> sendAll(List<Outgoing> records) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (records.isEmpty()) {
            all.complete(null);
            return all;
        }
        AtomicInteger unacknowledged = new AtomicInteger(records.size());
        Callback acknowledge = (metadata, error) -> {
            if (error != null) {
                all.completeExceptionally(error);
            } else if (unacknowledged.decrementAndGet() == 0) {
                all.complete(null);
            }
        };
        for (Outgoing record : records) {
            try {
                RecordHeaders headers = new RecordHeaders();
                KafkaBinaryBinding.write(record.envelope(), record.topic(), headers);
                producer.send(new ProducerRecord<>(record.topic().name(), null, record.key(), record.value(), headers),
                        acknowledge);
            } catch (KafkaException | IllegalStateException e) {
                // IllegalStateException: the producer is closed because the service is stopping. A synchronous
                // failure would repeat for every further record: fail the batch now.
                all.completeExceptionally(e);
                return all;
            }
        }
        return all;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
