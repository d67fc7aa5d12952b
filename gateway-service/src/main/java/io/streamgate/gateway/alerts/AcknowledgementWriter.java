package io.streamgate.gateway.alerts;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertAcknowledger;
import io.streamgate.platform.event.CloudEventProducer;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * The gateway's one write to Kafka: a user acknowledging alerts from a WebSocket is a user write, and
 * user writes are announced on their topic ({@code alert.acknowledged} on {@code alerts.triggered},
 * key = rule id) as safety-service's REST API announces them. Idempotent, {@code acks=all}.
 */
@ApplicationScoped
public class AcknowledgementWriter implements AlertAcknowledger.Announcer {

    static final String SOURCE = "/gateway/alerts";

    private final CloudEventProducer producer;
    private final KafkaClientMetrics metrics;

    AcknowledgementWriter(KafkaClients kafka, MeterRegistry registry) {
        this.producer = new CloudEventProducer(kafka, "gateway-service-acknowledgements", Duration.ZERO,
                Duration.ofSeconds(15));
        this.metrics = new KafkaClientMetrics(producer.client());
        metrics.bindTo(registry);
    }

    @Override
    public CompletionStage<Void> announce(String tenant, String ruleId, AlertAcknowledged acknowledged) {
        return producer.send(new CloudEventProducer.Outgoing(Topics.ALERTS_TRIGGERED, ruleId,
                EventEnvelope.of(SOURCE, EventTypes.ALERT_ACKNOWLEDGED, acknowledged.acknowledgedAt(), ruleId, tenant),
                Json.encode(acknowledged)));
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
