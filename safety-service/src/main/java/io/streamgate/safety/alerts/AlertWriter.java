package io.streamgate.safety.alerts;

import java.time.Duration;
import java.time.Instant;
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
import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * Writes {@code alerts.triggered} with an idempotent {@code acks=all} producer: key = rule id, CloudEvents
 * binary headers with the tenant; {@code alert.triggered} and {@code alert.acknowledged} records.
 */
@ApplicationScoped
public class AlertWriter {

    public static final String SOURCE = "/safety/alerts";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;

    AlertWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AlertsConfig config,
            MeterRegistry registry) {
        long deliveryTimeout = config.producer().deliveryTimeout().toMillis();
        long linger = config.producer().linger().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "safety-service-alerts",
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

    /** The CloudEvent id is the tenant's alert id, so a re-sent alert is recognisable as the same one. */
    public CompletableFuture<Void> triggered(String tenant, AlertTriggered alert) {
        return send(new EventEnvelope("alert-" + alert.id(), SOURCE, EventTypes.ALERT_TRIGGERED, alert.triggeredAt(),
                alert.ruleId(), tenant), alert);
    }

    /** @param ruleId the rule of every alert in {@code acknowledged} */
    public CompletableFuture<Void> acknowledged(String tenant, String ruleId, AlertAcknowledged acknowledged) {
        return send(EventEnvelope.of(SOURCE, EventTypes.ALERT_ACKNOWLEDGED, acknowledged.acknowledgedAt(), ruleId,
                tenant), acknowledged);
    }

    private CompletableFuture<Void> send(EventEnvelope envelope, Object payload) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(envelope, headers);
            producer.send(new ProducerRecord<>(Topics.ALERTS_TRIGGERED.name(), null, envelope.subject(),
                    Json.encode(payload), headers), (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the producer is closed because the service is stopping.
            ack.completeExceptionally(e);
        }
        return ack;
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
