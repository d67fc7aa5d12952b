package io.streamgate.safety.aviation.kafka;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.aviation.AcasAdvisory;
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
import io.streamgate.safety.aviation.detect.ReportedAdvisories;
import io.streamgate.safety.consumer.GroupConsumers;

/**
 * Reads {@code aircraft.acas} (the RAs aircraft report in their raw Mode S replies) in its own consumer group and
 * publishes them as {@code TCAS_RA} safety events through {@link ReportedAdvisories}. The records are keyed by
 * the reporting aircraft, so one replica holds every report of one advisory. Offsets are committed after the
 * broker acknowledged what a poll produced, as for positions; after a failure a fresh detector reads the
 * uncommitted reports again (the ids are deterministic).
 */
@ApplicationScoped
public class AcasReportsConsumer implements ConsumerLoop.Handler {

    private final AviationSafetyConfig config;
    private final SafetyEventWriter writer;
    private final SafetyMetrics metrics;
    private final ConsumerLoop loop;
    private ReportedAdvisories advisories;
    private long nextSweep;

    AcasReportsConsumer(KafkaClients kafka, AviationSafetyConfig config, SafetyEventWriter writer,
            SafetyMetrics metrics, MeterRegistry registry) {
        this.config = config;
        this.writer = writer;
        this.metrics = metrics;
        this.advisories = new ReportedAdvisories(config);
        this.loop = GroupConsumers.loop("safety-acas-consumer", "safety-acas", Topics.AIRCRAFT_ACAS,
                config.consumer(), this, kafka, registry);
    }

    void start(@Observes StartupEvent started) {
        loop.start();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            AcasAdvisory report;
            EventEnvelope envelope;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
                if (!EventTypes.AIRCRAFT_ACAS_ADVISORY.equals(envelope.type()) || record.value() == null) {
                    metrics.malformed();
                    continue;
                }
                report = Json.decode(record.value(), AcasAdvisory.class);
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                metrics.malformed();
                continue;
            }
            if (report.timestamp() == null) {
                metrics.malformed();
                continue;
            }
            send(advisories.onReport(envelope.tenant(), report), acks);
        }
        writer.await(acks);
    }

    @Override
    public void tick(Instant now) {
        if (now.toEpochMilli() < nextSweep) {
            return;
        }
        nextSweep = now.toEpochMilli() + config.sweepInterval().toMillis();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        send(advisories.sweep(now), acks);
        writer.await(acks);
    }

    @Override
    public void failed(RuntimeException cause) {
        advisories = new ReportedAdvisories(config);
    }

    private void send(List<Emission> emissions, List<CompletableFuture<Void>> acks) {
        if (!emissions.isEmpty()) {
            metrics.published(emissions);
            acks.add(writer.send(emissions));
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        loop.stop();
    }
}
