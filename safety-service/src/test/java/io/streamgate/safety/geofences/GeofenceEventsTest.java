package io.streamgate.safety.geofences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Records;

/**
 * Fences are made through the API, locations go into the real {@code device.locations}, events are read back
 * from the real {@code geofence.events}. Every scenario ends with a marker location whose event must arrive;
 * the device's records share a key, so everything the scenario wrote before was evaluated by then.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeofenceEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double M = GeoMath.METRES_PER_DEGREE;
    private static final double LAT = 47.3769;
    private static final double LON = 8.5417;
    private static String bootstrap;
    private static Records records;
    private Instant time = Instant.parse("2026-02-05T14:30:00Z");

    @BeforeAll
    static void producer() {
        bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        records = new Records(bootstrap);
    }

    @AfterAll
    static void close() {
        records.close();
    }

    private static String circle(String tenant, String name, double lat, double lon, double radius) {
        return Callers.as(tenant).body("""
                {"name": "%s", "center": {"latitude": %s, "longitude": %s}, "radius_m": %s}"""
                .formatted(name, lat, lon, radius)).post("/v1/geofences").then().statusCode(201).extract().path("id");
    }

    private void at(String tenant, String device, double lat, double lon) {
        time = time.plusSeconds(1);
        records.send(Topics.DEVICE_LOCATIONS.name(), EventTypes.DEVICE_LOCATION, tenant, device, time,
                new DeviceLocation(device, lat, lon, time, 5.0, null, null, null, null));
    }

    private static List<GeofenceEvent> awaitEvents(TopicProbe probe, String tenant, String what,
            Predicate<List<GeofenceEvent>> done) {
        Deadline.await(what, WAIT, () -> done.test(Records.of(probe.drain(Duration.ofMillis(100)), tenant,
                GeofenceEvent.class)));
        return Records.of(probe.drain(Duration.ofMillis(1)), tenant, GeofenceEvent.class);
    }

    private static Predicate<List<GeofenceEvent>> has(String fence, String type) {
        return events -> events.stream().anyMatch(e -> e.geofenceId().equals(fence) && e.eventType().equals(type));
    }

    private static List<String> of(List<GeofenceEvent> events, String device, String fence) {
        return events.stream().filter(e -> e.deviceId().equals(device) && e.geofenceId().equals(fence))
                .map(GeofenceEvent::eventType).toList();
    }

    @Test
    void aCircleIsEnteredAndLeftWithoutFlappingOnJitter() {
        String tenant = Callers.newTenant("fence");
        String fence = circle(tenant, "Depot", LAT, LON, 100);
        String device = "truck-" + tenant;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            at(tenant, device, LAT + 300 / M, LON);
            at(tenant, device, LAT + 50 / M, LON);
            // GPS jitter around the edge, within the 15 m band.
            for (double offset : new double[] {8, -2, 12, -4, 10, 3}) {
                at(tenant, device, LAT + (100 + offset) / M, LON);
            }
            at(tenant, device, LAT + 400 / M, LON);
            List<GeofenceEvent> events = awaitEvents(probe, tenant, "the exit", has(fence, "exit"));
            assertEquals(List.of("entry", "exit"), of(events, device, fence));
            GeofenceEvent entry = events.get(0);
            assertEquals("Depot", entry.geofenceName());
            assertEquals(LAT + 50 / M, entry.location().latitude(), 1e-9);
            assertEquals(LON, entry.location().longitude(), 1e-9);
        }
    }

    @Test
    void aPolygonIsEnteredAndLeft() {
        String tenant = Callers.newTenant("fence");
        String fence = Callers.as(tenant).body(GeofencesResourceTest.POLYGON).post("/v1/geofences").then()
                .statusCode(201).extract().path("id");
        String device = "van-" + tenant;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            at(tenant, device, 47.3740, 8.5400);
            at(tenant, device, 47.3780, 8.5400);
            at(tenant, device, 47.3790, 8.5410);
            at(tenant, device, 47.3830, 8.5400);
            List<GeofenceEvent> events = awaitEvents(probe, tenant, "the exit", has(fence, "exit"));
            assertEquals(List.of("entry", "exit"), of(events, device, fence));
            ConsumerRecord<String, byte[]> record = probe.drain(Duration.ofMillis(1)).stream()
                    .filter(r -> device.equals(r.key())).findFirst().orElseThrow();
            assertEquals(EventTypes.GEOFENCE_EVENT, Records.type(record));
            assertEquals(tenant, Records.tenant(record));
        }
    }

    @Test
    void aDeviceOfAnotherTenantNeverTriggersTheFence() {
        String a = Callers.newTenant("fence-a");
        String b = Callers.newTenant("fence-b");
        String fence = circle(a, "A only", LAT, LON, 100);
        String device = "shared-id-" + a;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            // The same device id in tenant B, at the same places: same key, so it is evaluated first.
            at(b, device, LAT + 300 / M, LON);
            at(b, device, LAT, LON);
            at(a, device, LAT + 300 / M, LON);
            at(a, device, LAT, LON);
            awaitEvents(probe, a, "tenant A's entry", has(fence, "entry"));
            assertEquals(List.of(), Records.of(probe.drain(Duration.ofMillis(1)), b, GeofenceEvent.class));
        }
    }

    @Test
    void aDeletedFenceEmitsNothingAndADeactivatedOneNeither() {
        String tenant = Callers.newTenant("fence");
        String deleted = circle(tenant, "Deleted", LAT, LON, 100);
        String inactive = circle(tenant, "Inactive", LAT + 0.01, LON, 100);
        String marker = circle(tenant, "Marker", LAT + 0.02, LON, 100);
        Callers.as(tenant).delete("/v1/geofences/" + deleted).then().statusCode(204);
        Callers.as(tenant).body("""
                {"name": "Inactive", "active": false, "center": {"latitude": %s, "longitude": %s}, "radius_m": 100}"""
                .formatted(LAT + 0.01, LON)).put("/v1/geofences/" + inactive).then().statusCode(200);
        String device = "bike-" + tenant;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            at(tenant, device, LAT, LON);
            at(tenant, device, LAT + 0.01, LON);
            at(tenant, device, LAT + 0.02, LON);
            List<GeofenceEvent> events = awaitEvents(probe, tenant, "the marker entry", has(marker, "entry"));
            assertEquals(List.of(marker), events.stream().map(GeofenceEvent::geofenceId).toList());
        }
    }

    @Test
    void aDeviceInsideAFenceThatIsDeletedLeavesWithoutAnEvent() {
        String tenant = Callers.newTenant("fence");
        String fence = circle(tenant, "Soon gone", LAT, LON, 100);
        String marker = circle(tenant, "Marker", LAT + 0.02, LON, 100);
        String device = "cart-" + tenant;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.GEOFENCE_EVENTS.name())) {
            at(tenant, device, LAT, LON);
            awaitEvents(probe, tenant, "the entry", has(fence, "entry"));
            Callers.as(tenant).delete("/v1/geofences/" + fence).then().statusCode(204);
            at(tenant, device, LAT + 0.02, LON);
            List<GeofenceEvent> events = awaitEvents(probe, tenant, "the marker entry", has(marker, "entry"));
            assertEquals(List.of("entry"), of(events, device, fence), "no exit from a deleted fence");
        }
    }
}
