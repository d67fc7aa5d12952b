package io.streamgate.safety.aviation.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;

/**
 * Writes safety events to {@code safety.events} with an idempotent {@code acks=all} producer: key = the
 * episode id, CloudEvents binary headers with the tenant, value = the
 * {@link io.streamgate.platform.safety.SafetyEvent}.
 */
@ApplicationScoped
public class SafetyEventWriter {

    /** The CloudEvents source of every safety event this detector set writes. */
    public static final String SOURCE = "/safety/aviation";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;

    SafetyEventWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            AviationSafetyConfig config, MeterRegistry registry) {
        long deliveryTimeout = config.producer().deliveryTimeout().toMillis();
        long linger = config.producer().linger().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "safety-service-aviation",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) linger,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout,
                // Kafka requires delivery.timeout >= linger + request.timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, (deliveryTimeout - linger) / 2)),
                new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /**
     * Hands the records to the producer; records of one episode keep their order (same key).
     *
     * @return completes when the broker acknowledged every record, or fails with the first error
     */
    public CompletableFuture<Void> send(List<Emission> emissions) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(emissions.size());
        for (Emission emission : emissions) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                EventEnvelope envelope = new EventEnvelope(emission.cloudEventId(), SOURCE, EventTypes.SAFETY_EVENT,
                        emission.event().timestamp(), emission.key(), emission.tenant());
                RecordHeaders headers = new RecordHeaders();
                KafkaBinaryBinding.write(envelope, headers);
                producer.send(new ProducerRecord<>(Topics.SAFETY_EVENTS.name(), null, emission.key(),
                        Json.encode(emission.event()), headers), (metadata, error) -> {
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

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
