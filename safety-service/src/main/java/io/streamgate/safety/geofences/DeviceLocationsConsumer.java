package io.streamgate.safety.geofences;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.ConsumerLoop;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.consumer.GroupConsumers;
import io.streamgate.safety.sensors.Outbound;
import io.streamgate.safety.sensors.OutboundWriter;

/**
 * Reads {@code device.locations} in group {@code safety-geofences}, tests every location against its tenant's
 * fences near it, writes the entry and exit events to {@code geofence.events} and then the inside sets to Redis,
 * before committing. A crash between the two replays the events (same ids), never loses them.
 */
@ApplicationScoped
public class DeviceLocationsConsumer implements ConsumerLoop.Handler {

    private final GeofencesConfig config;
    private final GeofenceCache fences;
    private final GeofenceStore store;
    private final OutboundWriter writer;
    private final MeterRegistry registry;
    private final ConsumerLoop loop;
    private final Counter processed;
    private final Counter malformed;
    private final Timer processing;
    private GeofenceTracker tracker;

    DeviceLocationsConsumer(KafkaClients kafka, GeofencesConfig config, GeofenceCache fences,
            GeofenceStore store, OutboundWriter writer, MeterRegistry registry) {
        this.config = config;
        this.fences = fences;
        this.store = store;
        this.writer = writer;
        this.registry = registry;
        this.tracker = newTracker();
        this.loop = GroupConsumers.loop("safety-geofences", "safety-geofences", Topics.DEVICE_LOCATIONS,
                config.consumer(), this, kafka, registry);
        this.processed = Counter.builder("streamgate.safety.geofences.locations").tag("outcome", "processed")
                .description("device locations tested against geofences").register(registry);
        this.malformed = Counter.builder("streamgate.safety.geofences.locations").tag("outcome", "malformed")
                .description("device locations tested against geofences").register(registry);
        this.processing = Timer.builder("streamgate.safety.geofences.processing")
                .description("time one location takes through its tenant's fences").register(registry);
        registry.gauge("streamgate.safety.geofences.devices.tracked", this, c -> c.tracker.trackedDevices());
    }

    private GeofenceTracker newTracker() {
        return new GeofenceTracker(config.hysteresisM(), store::inside);
    }

    void start(@Observes StartupEvent started) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        loop.stop();
    }

    @Override
    public void process(ConsumerRecords<String, byte[]> records) {
        List<Outbound> events = new ArrayList<>();
        List<GeofenceTracker.Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long started = System.nanoTime();
            EventEnvelope envelope;
            DeviceLocation location;
            try {
                envelope = KafkaBinaryBinding.read(record.headers());
                if (!EventTypes.DEVICE_LOCATION.equals(envelope.type()) || record.value() == null) {
                    malformed.increment();
                    continue;
                }
                location = Json.decode(record.value(), DeviceLocation.class);
                if (location.deviceId() == null || location.timestamp() == null) {
                    malformed.increment();
                    continue;
                }
            } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
                malformed.increment();
                continue;
            }
            GeofenceTracker.Result result = tracker.onLocation(envelope.tenant(), location,
                    fences.fences(envelope.tenant()));
            events.addAll(result.events());
            changes.addAll(result.changes());
            processed.increment();
            processing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        writer.sendAndWait(events);
        for (Outbound event : events) {
            registry.counter("streamgate.safety.geofences.events", "type",
                    ((GeofenceEvent) event.payload()).eventType()).increment();
        }
        for (GeofenceTracker.Change change : changes) {
            if (change.inside()) {
                store.entered(change.tenant(), change.device(), change.fence());
            } else {
                store.left(change.tenant(), change.device(), change.fence());
            }
        }
    }

    @Override
    public void tick(Instant now) {
        // Nothing is timed: a silent device stays where it was last seen.
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        // The new owner reads the inside sets from Redis; this replica reads them again if they come back.
        tracker.forgetAll();
    }

    @Override
    public void failed(RuntimeException cause) {
        tracker = newTracker();
    }
}
