package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;

/** Devices, geofences and machine statuses → {@code dashboard} and {@code machine_health}. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardAndMachinesTest {

    private static StatsFixture kafka;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theDashboardCountsActiveGeofencesActiveDevicesAndTodaysCrossings() {
        String tenant = StatsFixture.tenant("fleet");
        var geofences = redis.hash(String.class);
        String key = "streamgate:tenant:" + tenant + ":geofences";
        geofences.hset(key, Map.of(
                "g1", json(new GeofenceDefinition("g1", "Depot", true, new GeoPoint(52.5, 13.4), 500.0, null, null, Instant.EPOCH, Instant.EPOCH)),
                "g2", json(new GeofenceDefinition("g2", "Yard", true, new GeoPoint(52.5, 13.4), 500.0, null, null, Instant.EPOCH, Instant.EPOCH)),
                "g3", json(new GeofenceDefinition("g3", "Old site", false, new GeoPoint(52.5, 13.4), 500.0, null, null, Instant.EPOCH, Instant.EPOCH))));
        Instant now = Instant.now();
        location(tenant, "truck-1", now);
        location(tenant, "truck-2", now);
        location(tenant, "truck-1", now.plusSeconds(1));
        location(tenant, "truck-3", now.minusSeconds(3600)); // silent for an hour: not active (5 min window)
        crossing(tenant, "e1", "truck-1", "entry", now);
        crossing(tenant, "e2", "truck-2", "entry", now);
        crossing(tenant, "e3", "truck-1", "exit", now);

        JsonNode dashboard = StatsFixture.awaitFigures(tenant, "dashboard", d -> d.get("events_today").asInt() == 3
                && d.get("active_devices").asInt() == 2);
        assertEquals(2, dashboard.get("active_geofences").asInt());
        assertEquals(2, dashboard.get("entries_today").asInt());
        assertEquals(1, dashboard.get("exits_today").asInt());
        Instant stamp = Instant.parse(dashboard.get("timestamp").asText());
        assertTrue(!stamp.isBefore(now.minusSeconds(5)), "the dashboard says when it was computed");
    }

    @Test
    void machinesAreCountedByTheirCurrentStatusAndTombstonesForgetThem() {
        String tenant = StatsFixture.tenant("plant");
        Instant now = Instant.now();
        status(tenant, "m1", null, "healthy", now);
        status(tenant, "m2", null, "healthy", now);
        status(tenant, "m2", "healthy", "warning", now.plusSeconds(1));
        status(tenant, "m2", "warning", "critical", now.plusSeconds(2));
        status(tenant, "m3", null, "offline", now);

        JsonNode health = StatsFixture.awaitFigures(tenant, "machine_health", d -> d.get("total").asInt() == 3
                && d.at("/by_status/critical").asInt() == 1);
        assertEquals(1, health.at("/by_status/healthy").asInt());
        assertEquals(0, health.at("/by_status/warning").asInt());
        assertEquals(1, health.at("/by_status/offline").asInt());

        // Compaction tombstone for m3 (no payload, no CloudEvents headers): the key names tenant and machine.
        kafka.sendRaw(new ProducerRecord<>(Topics.MACHINES_STATUS.name(), tenant + "/m3", null));
        JsonNode after = StatsFixture.awaitFigures(tenant, "machine_health", d -> d.get("total").asInt() == 2);
        assertEquals(0, after.at("/by_status/offline").asInt());
    }

    private static void status(String tenant, String machine, String old, String now, Instant at) {
        kafka.send(Topics.MACHINES_STATUS, tenant + "/" + machine, tenant, EventTypes.MACHINE_STATUS, at,
                new MachineStatus(machine, old, now, at, "test"));
    }

    private static void location(String tenant, String device, Instant at) {
        kafka.send(Topics.DEVICE_LOCATIONS, device, tenant, EventTypes.DEVICE_LOCATION, at,
                new DeviceLocation(device, 52.5, 13.4, at, 5.0, 10.0, 90.0, null, Map.of()));
    }

    private static void crossing(String tenant, String id, String device, String type, Instant at) {
        kafka.send(Topics.GEOFENCE_EVENTS, device, tenant, EventTypes.GEOFENCE_EVENT, at, new GeofenceEvent(id, device,
                "g1", "Depot", type, new GeoPoint(52.5, 13.4), at));
    }

    private static String json(Object value) {
        return new String(Json.encode(value), StandardCharsets.UTF_8);
    }
}
