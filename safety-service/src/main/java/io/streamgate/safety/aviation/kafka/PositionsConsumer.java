package io.streamgate.safety.aviation.kafka;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyMetrics;
import io.streamgate.safety.aviation.detect.SafetyEngine;

/**
 * Reads {@code aircraft.positions} in a consumer group, so replicas split the partitions (and so the
 * aircraft) between them, runs every record through the {@link SafetyEngine} and publishes what it
 * returns. Offsets are committed only after the broker acknowledged every event a poll produced: a crash
 * reads those positions again rather than losing their events (at least once; the ids are
 * deterministic, see {@link io.streamgate.safety.aviation.SafetyEventIds}).
 *
 * <p>The engine is owned by this one thread. Sweeps for silent aircraft run between polls on the wall
 * clock. On a rebalance, the aircraft of partitions that move away are forgotten and their open episodes
 * end ({@code handover}); the new owner opens its own if the condition persists.
 */
@ApplicationScoped
public class PositionsConsumer {

    private static final Logger LOG = Logger.getLogger(PositionsConsumer.class);

    private final String bootstrapServers;
    private final AviationSafetyConfig config;
    private final SafetyEventWriter writer;
    private final SafetyMetrics metrics;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private SafetyEngine engine;
    private Thread thread;
    private long nextSweep;

    PositionsConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            AviationSafetyConfig config, SafetyEventWriter writer, SafetyMetrics metrics, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.writer = writer;
        this.metrics = metrics;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        running.set(true);
        thread = new Thread(this::run, "safety-aviation-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "safety-aviation-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.consumer().autoOffsetReset(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords(),
                // Only the partitions that really move are revoked, so only their aircraft are handed over.
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        while (running.get()) {
            engine = new SafetyEngine(config);
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer()); KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
                consumer = kafka;
                kafkaMetrics.bindTo(registry);
                kafka.subscribe(List.of(Topics.AIRCRAFT_POSITIONS.name()), new Handover(kafka));
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.consumer().pollTimeout());
                    if (!records.isEmpty()) {
                        process(records);
                        kafka.commitAsync();
                    }
                    sweepIfDue();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Offsets of the failed poll are not committed: the next consumer reads it again.
                LOG.errorf("safety consumer failed (%s: %s); reconnecting", e.getClass().getSimpleName(),
                        e.getMessage());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long started = System.nanoTime();
            EventEnvelope envelope;
            AircraftPosition position;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
                if (!EventTypes.AIRCRAFT_POSITION.equals(envelope.type()) || record.value() == null) {
                    metrics.malformed();
                    continue;
                }
                position = Json.decode(record.value(), AircraftPosition.class);
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                metrics.malformed();
                continue;
            }
            Instant now = Instant.now();
            List<Emission> emissions = engine.onPosition(envelope.tenant(), position, record.partition(), now);
            if (!emissions.isEmpty()) {
                acks.add(writer.send(emissions));
                metrics.published(emissions);
            }
            metrics.processed(System.nanoTime() - started, now.toEpochMilli() - record.timestamp());
        }
        awaitAcks(acks);
        metrics.state(engine.trackedAircraft(), engine.openEpisodes());
    }

    private void sweepIfDue() {
        long nowMillis = System.currentTimeMillis();
        if (nowMillis < nextSweep) {
            return;
        }
        nextSweep = nowMillis + config.sweepInterval().toMillis();
        publish(engine.sweep(Instant.ofEpochMilli(nowMillis)));
        metrics.state(engine.trackedAircraft(), engine.openEpisodes());
    }

    private void publish(List<Emission> emissions) {
        if (!emissions.isEmpty()) {
            metrics.published(emissions);
            awaitAcks(List.of(writer.send(emissions)));
        }
    }

    private void awaitAcks(List<CompletableFuture<Void>> acks) {
        if (acks.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.producer().deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("safety.events did not acknowledge: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return false;
        }
    }

    /** Ends the episodes of partitions this replica gives up, before another replica starts on them. */
    private final class Handover implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        Handover(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            release(partitions);
            kafka.commitSync();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another replica may own them already; still end what only this one knew.
            release(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.infof("safety consumer assigned %s", partitions);
            }
        }

        private void release(Collection<TopicPartition> partitions) {
            Set<Integer> numbers = new HashSet<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            LOG.infof("safety consumer hands over %s", partitions);
            publish(engine.release(numbers::contains, Instant.now()));
        }
    }

    /**
     * Runs before beans are destroyed, so that leaving the group (which hands the partitions over and ends
     * their episodes) can still publish through the writer.
     */
    void stop(@Observes ShutdownEvent stopping) {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
