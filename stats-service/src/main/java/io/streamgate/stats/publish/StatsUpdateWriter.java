package io.streamgate.stats.publish;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.CloudEventProducer;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.stats.StatsUpdate;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsConfig;

/**
 * Writes {@link StatsUpdate}s to {@code stats.updates} (compacted) with an idempotent {@code acks=all}
 * producer: key {@code <tenant>/<stat_type>}, CloudEvents binary headers (type {@code io.streamgate.stats.update},
 * source {@code /stats}, time = {@code computed_at}, tenant).
 */
@ApplicationScoped
public class StatsUpdateWriter {

    public static final String SOURCE = "/stats";

    private final CloudEventProducer producer;
    private final KafkaClientMetrics metrics;

    StatsUpdateWriter(KafkaClients kafka, StatsConfig config, MeterRegistry registry) {
        this.producer = new CloudEventProducer(kafka, "stats-service-" + UUID.randomUUID(),
                Duration.ofMillis(5), config.producer().deliveryTimeout());
        this.metrics = new KafkaClientMetrics(producer.client());
        metrics.bindTo(registry);
    }

    public static String key(String tenant, String statType) {
        return tenant + "/" + statType;
    }

    /** Completes when the broker acknowledged the record. */
    public CompletableFuture<Void> send(String tenant, StatsUpdate update) {
        String key = key(tenant, update.statType());
        EventEnvelope envelope = EventEnvelope.of(SOURCE, EventTypes.STATS_UPDATE, update.computedAt(), key, tenant);
        return producer.send(new CloudEventProducer.Outgoing(Topics.STATS_UPDATES, key, envelope,
                Json.encode(update)));
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
