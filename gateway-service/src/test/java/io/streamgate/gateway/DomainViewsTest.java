package io.streamgate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.gateway.devices.DeviceLocationsView;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.gateway.engine.state.StateCodec;
import io.streamgate.gateway.engine.state.StateFilter;
import io.streamgate.gateway.entities.EntityChangeFeed;
import io.streamgate.gateway.jobs.JobEventFeed;
import io.streamgate.gateway.machines.MachineStatusFeed;
import io.streamgate.gateway.machines.SensorReadingsView;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.gateway.testing.RecordingSession;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * The domain views the dialects build on, fed from the real broker: keyed state (devices, sensor
 * readings) and resumable event feeds (machine health with its current status and a tombstone, jobs,
 * entity changes). Each test uses a tenant of its own.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class DomainViewsTest {

    /** Writes each change as {@code KIND key=value}, joined; snapshots as {@code snapshot key,key}. */
    record Text<V>(java.util.function.Function<V, String> render) implements StateCodec<V> {
        @Override
        public List<String> encode(List<StateChange<V>> changes) {
            return List.of(changes.stream().map(c -> c.kind() + " " + render.apply(c.value()))
                    .collect(Collectors.joining(";")));
        }

        @Override
        public String snapshot(Collection<V> values) {
            return "snapshot " + values.stream().map(render).sorted().collect(Collectors.joining(","));
        }
    }

    record Machine(String machineId) implements StateFilter<SensorReading> {
        @Override
        public boolean test(SensorReading reading) {
            return reading.machineId().equals(machineId);
        }
    }

    private static KafkaProducer<String, byte[]> producer;

    @Inject
    DeviceLocationsView devices;
    @Inject
    SensorReadingsView sensors;
    @Inject
    MachineStatusFeed machines;
    @Inject
    JobEventFeed jobs;
    @Inject
    EntityChangeFeed entities;

    @BeforeAll
    static void producer() {
        producer = DevstackProducer.open();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void deviceLocationsAreLatestStatePerDevice() throws Exception {
        String tenant = tenant();
        RecordingSession session = session(tenant);
        devices.subscribe(session, tenant, new Text<DeviceLocation>(d -> d.deviceId() + "@" + d.lat()),
                StateFilter.all());
        session.await(f -> f.startsWith("snapshot"));
        send(Topics.DEVICE_LOCATIONS.name(), "truck-1", EventTypes.DEVICE_LOCATION, tenant,
                Json.encode(new DeviceLocation("truck-1", 47.5, 8.5, Instant.now(), null, null, null, null, null)));
        assertEquals("NEW truck-1@47.5", session.await(f -> f.startsWith("NEW")));
    }

    @Test
    void aRecordOfAnotherSchemaVersionIsSkippedNotMisread() throws Exception {
        String tenant = tenant();
        RecordingSession session = session(tenant);
        devices.subscribe(session, tenant, new Text<DeviceLocation>(DeviceLocation::deviceId), StateFilter.all());
        session.await(f -> f.startsWith("snapshot"));
        RecordHeaders newer = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.DEVICE_LOCATION, Instant.now(), "from-v2",
                tenant), newer);
        newer.add(KafkaBinaryBinding.DATA_SCHEMA, "urn:streamgate:schema:device.locations:v2"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.DEVICE_LOCATIONS.name(), 0, "from-v2", Json.encode(
                new DeviceLocation("from-v2", 1, 1, Instant.now(), null, null, null, null, null)), newer))
                .get(30, TimeUnit.SECONDS);
        RecordHeaders current = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.DEVICE_LOCATION, Instant.now(), "from-v1",
                tenant), Topics.DEVICE_LOCATIONS, current);
        producer.send(new ProducerRecord<>(Topics.DEVICE_LOCATIONS.name(), 0, "from-v1", Json.encode(
                new DeviceLocation("from-v1", 1, 1, Instant.now(), null, null, null, null, null)), current))
                .get(30, TimeUnit.SECONDS);
        // One partition, v2 first: by the time the v1 device arrives, the v2 record has been read and skipped.
        session.await(f -> f.contains("from-v1"));
        assertEquals(List.of(), session.texts().stream().filter(f -> f.contains("from-v2")).toList());
    }

    @Test
    void sensorReadingsAreConflatedPerMachineAndMetricAndFiltered() throws Exception {
        String tenant = tenant();
        RecordingSession press = session(tenant);
        sensors.subscribe(press, tenant, new Text<SensorReading>(r -> r.machineId() + "." + r.metricName() + "="
                + r.value()), new Machine("press-1"));
        press.await(f -> f.startsWith("snapshot"));
        send(Topics.SENSOR_READINGS.name(), "lathe-1", EventTypes.SENSOR_READING, tenant,
                Json.encode(new SensorReading("lathe-1", "rpm", 900, "rpm", Instant.now())));
        send(Topics.SENSOR_READINGS.name(), "press-1", EventTypes.SENSOR_READING, tenant,
                Json.encode(new SensorReading("press-1", "temperature", 71.5, "C", Instant.now())));
        // Only press-1's reading: the lathe's was filtered out, so the first change frame is the press's.
        assertEquals("NEW press-1.temperature=71.5", press.await(f -> f.startsWith("NEW")));
    }

    @Test
    void machineHealthTransitionsAreEventsAndTheCurrentStatusIsTheSnapshot() throws Exception {
        String tenant = tenant();
        String key = tenant + "/press-7";
        send(Topics.MACHINES_STATUS.name(), key, EventTypes.MACHINE_STATUS, tenant,
                Json.encode(new MachineStatus("press-7", null, MachineStatus.HEALTHY, Instant.now(), "first sight")));
        RecordingSession first = session(tenant);
        machines.subscribe(first, tenant, events -> events.stream().map(DomainViewsTest::describe).toList(), null,
                () -> { }, null).toCompletableFuture().get(15, TimeUnit.SECONDS);
        send(Topics.MACHINES_STATUS.name(), key, EventTypes.MACHINE_STATUS, tenant, Json.encode(
                new MachineStatus("press-7", MachineStatus.HEALTHY, MachineStatus.WARNING, Instant.now(), "hot")));
        String transition = first.await(f -> f.contains("\"warning\""));
        assertEquals("healthy", payload(transition).path("old_status").asText());
        // A client connecting now starts from the current status, not from the history.
        RecordingSession later = session(tenant);
        machines.subscribe(later, tenant, events -> List.of(), null, () -> { },
                () -> List.of(machines.currentStatus(tenant).stream().map(m -> m.machineId() + ":" + m.newStatus())
                        .collect(Collectors.joining(",")))).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals("press-7:warning", later.await(f -> true));
        send(Topics.MACHINES_STATUS.name(), key, EventTypes.MACHINE_STATUS, tenant, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!machines.query(tenant, List::isEmpty).toCompletableFuture().get(15, TimeUnit.SECONDS)) {
            // Each query is a round trip through the engine thread, which applies the tombstone when it arrives.
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() < deadline, "the tombstone removed press-7");
        }
    }

    @Test
    void jobEventsAndEntityChangesArriveInOrderWithResumableIds() throws Exception {
        String tenant = tenant();
        RecordingSession session = session(tenant);
        jobs.subscribe(session, tenant, events -> events.stream().map(DomainViewsTest::describe).toList(), null,
                () -> { }, null).toCompletableFuture().get(15, TimeUnit.SECONDS);
        for (String step : List.of("created", "status_change", "completed")) {
            send(Topics.JOBS_EVENTS.name(), "job-1", EventTypes.JOB_PREFIX + step, tenant, Json.encode(new JobEvent(
                    step, "job-1", "emails", "completed".equals(step) ? "completed" : "pending", null, 1, 3, 0, null,
                    null, null, null, null, Instant.now())));
        }
        session.await(f -> f.contains("\"completed\""));
        List<String> steps = session.texts().stream().map(DomainViewsTest::payload).map(j -> j.path("event").asText())
                .toList();
        assertEquals(List.of("created", "status_change", "completed"), steps);

        RecordingSession watcher = session(tenant);
        entities.subscribe(watcher, tenant, events -> events.stream().map(DomainViewsTest::describe).toList(), null,
                () -> { }, null).toCompletableFuture().get(15, TimeUnit.SECONDS);
        EntityChange created = new EntityChange(EntityChange.CREATED, tenant, "/", "Room1", "Room",
                Map.of("temperature", new NgsiAttribute("Number", Json.mapper().getNodeFactory().numberNode(21))), List.of("temperature"),
                Instant.now());
        send(Topics.ENTITIES_CHANGES.name(), tenant + "/Room1", EventTypes.ENTITY_CHANGE, tenant,
                Json.encode(created));
        String change = watcher.await(f -> f.contains("Room1"));
        assertEquals("entityCreated", payload(change).path("type").asText());
        assertEquals(21, payload(change).path("data").path("temperature").path("value").asInt());
    }

    private static String describe(LiveEvent event) {
        return event.id() + " " + new String(event.data(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The payload of a frame written by {@link #describe}. */
    private static com.fasterxml.jackson.databind.JsonNode payload(String frame) {
        try {
            return Json.mapper().readTree(frame.substring(frame.indexOf(' ') + 1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RecordingSession session(String tenant) {
        return new RecordingSession(UUID.randomUUID().toString(), Integer.MAX_VALUE, Identity.anonymous(tenant));
    }

    private static String tenant() {
        return "views-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void send(String topic, String key, String type, String tenant, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, Instant.now(), key, tenant), headers);
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
