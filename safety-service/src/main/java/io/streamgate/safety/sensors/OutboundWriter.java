package io.streamgate.safety.sensors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;

/**
 * The idempotent {@code acks=all} producer of sensor alerts, machine status and geofence events: CloudEvents
 * binary headers (with the tenant), JSON values. Callers wait for the acknowledgement before they commit the
 * offsets of the input that caused the records (at least once).
 */
@ApplicationScoped
public class OutboundWriter {

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;
    private final Duration deliveryTimeout;

    OutboundWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, SensorsConfig config,
            MeterRegistry registry) {
        this.deliveryTimeout = config.producer().deliveryTimeout();
        long delivery = deliveryTimeout.toMillis();
        long linger = config.producer().linger().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "safety-service-sensorgeo",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) linger,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery,
                // Kafka requires delivery.timeout >= linger + request.timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, (delivery - linger) / 2)),
                new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /** Hands the records to the producer; completes when the broker acknowledged all of them. */
    public CompletableFuture<Void> send(List<Outbound> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (Outbound record : records) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                RecordHeaders headers = new RecordHeaders();
                KafkaBinaryBinding.write(new EventEnvelope(record.id(), record.source(), record.type(), record.time(),
                        record.subject(), record.tenant()), headers);
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), Json.encode(record.payload()),
                        headers), (metadata, error) -> {
                            if (error == null) {
                                ack.complete(null);
                            } else {
                                ack.completeExceptionally(error);
                            }
                        });
            } catch (KafkaException | IllegalStateException e) {
                // IllegalStateException: the producer is closed because the service is stopping.
                ack.completeExceptionally(e);
                return ack;
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws IllegalStateException when the broker did not acknowledge in time; the caller's poll is then
     *                               read again
     */
    public void sendAndWait(List<Outbound> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            send(records).get(deliveryTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("records were not acknowledged: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for acknowledgements", e);
        }
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
