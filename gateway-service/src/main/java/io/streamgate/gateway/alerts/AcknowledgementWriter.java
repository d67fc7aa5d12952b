package io.streamgate.gateway.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * The gateway's one write to Kafka: a user acknowledging alerts from a WebSocket is a user write, and
 * user writes are announced on their topic ({@code alert.acknowledged} on {@code alerts.triggered},
 * key = rule id) as safety-service's REST API announces them. Idempotent, {@code acks=all}.
 */
@ApplicationScoped
public class AcknowledgementWriter implements io.streamgate.platform.alerts.AlertAcknowledger.Announcer {

    static final String SOURCE = "/gateway/alerts";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;

    AcknowledgementWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-service-acknowledgements",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    @Override
    public CompletionStage<Void> announce(String tenant, String ruleId, AlertAcknowledged acknowledged) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(EventEnvelope.of(SOURCE, EventTypes.ALERT_ACKNOWLEDGED,
                    acknowledged.acknowledgedAt(), ruleId, tenant), headers);
            producer.send(new ProducerRecord<>(Topics.ALERTS_TRIGGERED.name(), null, ruleId, Json.encode(acknowledged),
                    headers), (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
        } catch (KafkaException | IllegalStateException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
