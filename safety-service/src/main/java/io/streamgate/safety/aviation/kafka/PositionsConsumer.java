package io.streamgate.safety.aviation.kafka;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.AviationSafetyConfig;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.SafetyMetrics;
import io.streamgate.safety.aviation.detect.SafetyEngine;
import io.streamgate.safety.consumer.GroupConsumers;

/**
 * Reads {@code aircraft.positions} in a consumer group, so replicas split the partitions (and so the
 * aircraft) between them, runs every record through the {@link SafetyEngine#perAircraft per-aircraft detectors}
 * and publishes what they return; pairs, whose aircraft may sit on different partitions, are
 * {@link io.streamgate.safety.aviation.pairs.PairTopology detected by sector}. Offsets are committed only after the broker acknowledged every event a poll produced: a crash
 * reads those positions again rather than losing their events (at least once; the ids are
 * deterministic, see {@link io.streamgate.safety.aviation.SafetyEventIds}). The thread, commits and
 * reconnects are the platform's {@link ConsumerLoop}.
 *
 * <p>The engine is owned by the loop's thread. Sweeps for silent aircraft run between polls on the wall
 * clock. On a rebalance, the aircraft of partitions that move away are forgotten and their open episodes
 * end ({@code handover}); the new owner opens its own if the condition persists. After a failure the loop
 * reads its uncommitted positions again into a fresh engine.
 */
@ApplicationScoped
public class PositionsConsumer implements ConsumerLoop.Handler {

    private static final Logger LOG = Logger.getLogger(PositionsConsumer.class);

    private final AviationSafetyConfig config;
    private final SafetyEventWriter writer;
    private final SafetyMetrics metrics;
    private final ConsumerLoop loop;
    private SafetyEngine engine;
    private long nextSweep;

    PositionsConsumer(KafkaClients kafka, AviationSafetyConfig config, SafetyEventWriter writer,
            SafetyMetrics metrics, MeterRegistry registry) {
        this.config = config;
        this.writer = writer;
        this.metrics = metrics;
        this.engine = SafetyEngine.perAircraft(config);
        this.loop = GroupConsumers.loop("safety-aviation-consumer", "safety-aviation", Topics.AIRCRAFT_POSITIONS,
                config.consumer(), this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        loop.start();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
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
        writer.await(acks);
        metrics.state(engine.trackedAircraft(), engine.openEpisodes());
    }

    @Override
    public void tick(Instant now) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis < nextSweep) {
            return;
        }
        nextSweep = nowMillis + config.sweepInterval().toMillis();
        publish(engine.sweep(now));
        metrics.state(engine.trackedAircraft(), engine.openEpisodes());
    }

    /**
     * Ends the episodes of partitions this replica gives up, before another replica starts on them. Lost
     * partitions come here too (the handler's default): another replica may own them already; still end what
     * only this one knew.
     */
    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new HashSet<>();
        partitions.forEach(p -> numbers.add(p.partition()));
        LOG.infof("safety consumer hands over %s", partitions);
        publish(engine.release(numbers::contains, Instant.now()));
    }

    /** The uncommitted positions are read again: into an engine that has not seen them. */
    @Override
    public void failed(RuntimeException cause) {
        engine = SafetyEngine.perAircraft(config);
    }

    private void publish(List<Emission> emissions) {
        if (!emissions.isEmpty()) {
            metrics.published(emissions);
            writer.await(List.of(writer.send(emissions)));
        }
    }

    /**
     * Runs before beans are destroyed, so that leaving the group (which hands the partitions over and ends
     * their episodes) can still publish through the writer.
     */
    void stop(@Observes ShutdownEvent stopping) {
        loop.stop();
    }
}
