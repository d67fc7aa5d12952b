package io.streamgate.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topic;

/**
 * The only way into Kafka for ingest: an idempotent producer with {@code acks=all}, and a call that
 * returns only once the broker has acknowledged every record of a request. Records without data are
 * tombstones and are accepted on compacted topics only.
 */
@ApplicationScoped
public class EventWriter {

    private final KafkaProducer<String, byte[]> producer;
    private final IngestKafkaConfig config;
    private final KafkaClientMetrics metrics;

    /**
     * @param kafka the service's {@code kafka.*} settings (TLS, SASL, tuning) overlay the ones below; acks,
     *              idempotence and the delivery timeout are not theirs to change
     */
    EventWriter(KafkaClients kafka, IngestKafkaConfig config, MeterRegistry registry) {
        this.config = config;
        this.producer = kafka.producer(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-service",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.ackTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.ackTimeout().toMillis() / 2, 5_000)));
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /**
     * Writes every event to {@code topic} and waits until the broker acknowledged all of them.
     *
     * @throws BrokerUnavailableException when any record is not acknowledged within the ack timeout
     */
    public void writeAll(Topic topic, List<OutboundEvent> events) {
        try {
            send(topic, events).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new BrokerUnavailableException("Kafka did not acknowledge " + events.size() + " record(s) on "
                    + topic.name() + ": " + cause.getClass().getSimpleName(), config.retryAfter(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for Kafka", config.retryAfter(), e);
        }
    }

    /**
     * Hands every event to the producer without waiting; records of one key keep the order of the calls.
     * Never throws for a broker problem: the future fails instead.
     *
     * @return completes when the broker acknowledged every record, or fails with the first error
     * @throws IllegalArgumentException for a tombstone on a topic that is not compacted, where it would
     *                                  be an unreadable record rather than a deletion
     */
    public CompletableFuture<Void> send(Topic topic, List<OutboundEvent> events) {
        if (!topic.compacted() && events.stream().anyMatch(OutboundEvent::isTombstone)) {
            throw new IllegalArgumentException("tombstones only belong on compacted topics, not " + topic.name());
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (events.isEmpty()) {
            all.complete(null);
            return all;
        }
        // One future per request, not per record: a request carries hundreds of records.
        AtomicInteger unacknowledged = new AtomicInteger(events.size());
        Callback acknowledge = (metadata, error) -> {
            if (error != null) {
                all.completeExceptionally(error);
            } else if (unacknowledged.decrementAndGet() == 0) {
                all.complete(null);
            }
        };
        for (OutboundEvent event : events) {
            if (all.isCompletedExceptionally()) {
                // The producer reports a broker it has no metadata for (down, or unknown since start) only after
                // blocking max-block, through the callback rather than by throwing; each further record would block
                // max-block again and a request of hundreds of records would wait hours instead of answering 503.
                return all;
            }
            try {
                producer.send(new ProducerRecord<>(topic.name(), null, event.envelope().subject(), event.data(),
                        KafkaBinaryBinding.attributes(event.envelope(), topic)), acknowledge);
            } catch (KafkaException | IllegalStateException e) {
                // IllegalStateException: the producer is closed because the service is stopping. A
                // synchronous failure (no metadata within max-block) would repeat for every further
                // record, each blocking max-block again: fail the batch now instead.
                all.completeExceptionally(e);
                return all;
            }
        }
        return all;
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(10));
    }
}
