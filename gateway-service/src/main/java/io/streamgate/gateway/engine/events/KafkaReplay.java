package io.streamgate.gateway.engine.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;

/**
 * Reads a gap back from Kafka for one resuming session: every record between the client's position
 * and the feed's position when the resume began, on a small pool of its own so the engine thread never
 * waits for Kafka.
 */
@ApplicationScoped
public class KafkaReplay {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "gateway-replay");
        thread.setDaemon(true);
        return thread;
    });

    KafkaReplay(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /**
     * @param events the tenant's events in the gap, with resumable ids, in delivery order
     * @param gap    true when part of the gap is beyond retention or too long to replay
     */
    public record Result(List<LiveEvent> events, boolean gap) {
    }

    public CompletionStage<Result> read(String topic, StreamPosition from, StreamPosition until, String tenant,
            int maxEvents) {
        return CompletableFuture.supplyAsync(() -> readNow(topic, from, until, tenant, maxEvents), workers);
    }

    private Result readNow(String topic, StreamPosition from, StreamPosition until, String tenant, int maxEvents) {
        // The schema version this gateway reads for the topic; a topic outside the catalogue is read as it is.
        Predicate<Headers> schema = Topics.byName(topic).map(KafkaBinaryBinding::schemaCheck).orElse(null);
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-replay-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> missed = new ArrayList<>();
            for (int p = 0; p < until.partitions(); p++) {
                if (from.next(p) < until.next(p)) {
                    missed.add(new TopicPartition(topic, p));
                }
            }
            if (missed.isEmpty()) {
                return new Result(List.of(), false);
            }
            consumer.assign(missed);
            boolean gap = false;
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(missed);
            long total = 0;
            for (TopicPartition partition : missed) {
                long start = Math.max(from.next(partition.partition()), beginnings.get(partition));
                gap |= start > from.next(partition.partition());
                total += until.next(partition.partition()) - start;
                consumer.seek(partition, start);
            }
            if (total > maxEvents) {
                return new Result(List.of(), true);
            }
            return new Result(collect(consumer, missed, from, until, tenant, schema), gap);
        }
    }

    private static List<LiveEvent> collect(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> missed,
            StreamPosition from, StreamPosition until, String tenant, Predicate<Headers> schema) {
        List<LiveEvent> events = new ArrayList<>();
        StreamPosition position = from;
        Map<TopicPartition, Boolean> finished = new HashMap<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (finished.size() < missed.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not return the gap within " + READ_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= until.next(record.partition())) {
                    continue;
                }
                position = position.after(record.partition(), record.offset());
                EventEnvelope envelope;
                try {
                    envelope = KafkaBinaryBinding.read(record.headers());
                } catch (MalformedEventException e) {
                    continue;
                }
                if (schema != null && !schema.test(record.headers())) {
                    // As the live path: a payload of another schema version is never handed to a codec.
                    continue;
                }
                if (record.value() != null && tenant.equals(envelope.tenant())) {
                    events.add(new LiveEvent(record.partition(), record.offset(), position.encode(), envelope,
                            record.value()));
                }
            }
            for (TopicPartition partition : missed) {
                if (consumer.position(partition) >= until.next(partition.partition())) {
                    finished.put(partition, true);
                }
            }
        }
        return events;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
