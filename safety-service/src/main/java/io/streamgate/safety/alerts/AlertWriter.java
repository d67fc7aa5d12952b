package io.streamgate.safety.alerts;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.event.CloudEventProducer;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * Writes {@code alerts.triggered} with an idempotent {@code acks=all} producer: key = rule id, CloudEvents
 * binary headers with the tenant; {@code alert.triggered} and {@code alert.acknowledged} records.
 */
@ApplicationScoped
public class AlertWriter {

    public static final String SOURCE = "/safety/alerts";

    private final CloudEventProducer producer;
    private final KafkaClientMetrics metrics;

    AlertWriter(KafkaClients kafka, AlertsConfig config, MeterRegistry registry) {
        this.producer = new CloudEventProducer(kafka, "safety-service-alerts", config.producer().linger(),
                config.producer().deliveryTimeout());
        this.metrics = new KafkaClientMetrics(producer.client());
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
        return producer.send(new CloudEventProducer.Outgoing(Topics.ALERTS_TRIGGERED, envelope.subject(),
                envelope, Json.encode(payload)));
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
