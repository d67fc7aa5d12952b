package io.streamgate.stats.publish;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.event.KafkaBinaryBinding;
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

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;

    StatsUpdateWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, StatsConfig config,
            MeterRegistry registry) {
        int deliveryTimeout = (int) config.producer().deliveryTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "stats-service-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, (deliveryTimeout - 5) / 2)),
                new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    public static String key(String tenant, String statType) {
        return tenant + "/" + statType;
    }

    /** Completes when the broker acknowledged the record. */
    public CompletableFuture<Void> send(String tenant, StatsUpdate update) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        String key = key(tenant, update.statType());
        EventEnvelope envelope = EventEnvelope.of(SOURCE, EventTypes.STATS_UPDATE, update.computedAt(), key, tenant);
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(envelope, headers);
        try {
            producer.send(new ProducerRecord<>(Topics.STATS_UPDATES.name(), null, key, Json.encode(update), headers),
                    (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
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
