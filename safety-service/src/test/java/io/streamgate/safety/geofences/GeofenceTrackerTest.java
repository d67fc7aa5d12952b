package io.streamgate.safety.geofences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.sensors.Outbound;

class GeofenceTrackerTest {

    private static final Instant T0 = Instant.parse("2026-02-05T14:30:00Z");
    private static final double BAND = 15;
    /** Metres per degree of latitude, as the shapes compute them. */
    private static final double M = GeoMath.METRES_PER_DEGREE;
    private static final double CENTER_LAT = 47.3769;
    private static final double CENTER_LON = 8.5417;

    private final Map<String, Set<String>> stored = new HashMap<>();
    private GeofenceTracker tracker = new GeofenceTracker(BAND,
            (tenant, device) -> stored.getOrDefault(tenant + "/" + device, Set.of()));
    private int second;

    static GeofenceDefinition circle(String id, double radius) {
        return new GeofenceDefinition(id, "Circle " + id, true, new GeoPoint(CENTER_LAT, CENTER_LON), radius, null,
                null, T0, T0);
    }

    /** The devstack's Zurich HB rectangle, as a GeoJSON ring of [lon, lat]. */
    static GeofenceDefinition hb(String id, boolean active) {
        List<List<Double>> ring = List.of(List.of(8.5363, 47.3754), List.of(8.5443, 47.3754),
                List.of(8.5443, 47.3804), List.of(8.5363, 47.3804), List.of(8.5363, 47.3754));
        return new GeofenceDefinition(id, "Zürich HB", active, null, null,
                new GeofenceDefinition.Polygon("Polygon", List.of(ring)), null, T0, T0);
    }

    private static FenceIndex index(GeofenceDefinition... fences) {
        return new FenceIndex(List.of(fences), 0.01, BAND, 4096);
    }

    private List<GeofenceEvent> at(String tenant, String device, double lat, double lon, FenceIndex fences) {
        GeofenceTracker.Result result = tracker.onLocation(tenant, new DeviceLocation(device, lat, lon,
                T0.plusSeconds(second++), null, null, null, null, null), fences);
        for (GeofenceTracker.Change change : result.changes()) {
            Set<String> set = stored.computeIfAbsent(change.tenant() + "/" + change.device(), k -> new HashSet<>());
            if (change.inside()) {
                set.add(change.fence());
            } else {
                set.remove(change.fence());
            }
        }
        return result.events().stream().map(o -> (GeofenceEvent) o.payload()).toList();
    }

    /** A point {@code metres} north of the circle's centre. */
    private static double north(double metres) {
        return CENTER_LAT + metres / M;
    }

    @Test
    void aCircleIsEnteredAndLeft() {
        FenceIndex fences = index(circle("c", 100));
        assertTrue(at("a", "truck-1", north(150), CENTER_LON, fences).isEmpty());
        List<GeofenceEvent> entry = at("a", "truck-1", north(50), CENTER_LON, fences);
        assertEquals(1, entry.size());
        GeofenceEvent event = entry.get(0);
        assertEquals("entry", event.eventType());
        assertEquals("c", event.geofenceId());
        assertEquals("Circle c", event.geofenceName());
        assertEquals("truck-1", event.deviceId());
        assertEquals(north(50), event.location().latitude(), 1e-12);
        assertEquals(T0.plusSeconds(1), event.timestamp());
        assertTrue(at("a", "truck-1", north(0), CENTER_LON, fences).isEmpty(), "still inside");
        List<GeofenceEvent> exit = at("a", "truck-1", north(200), CENTER_LON, fences);
        assertEquals(List.of("exit"), exit.stream().map(GeofenceEvent::eventType).toList());
    }

    @Test
    void aPolygonIsEnteredAndLeft() {
        FenceIndex fences = index(hb("hb", true));
        assertTrue(at("a", "d", 47.3740, 8.5400, fences).isEmpty(), "south of the station");
        assertEquals(List.of("entry"), types(at("a", "d", 47.3780, 8.5400, fences)));
        assertEquals(List.of("exit"), types(at("a", "d", 47.3830, 8.5400, fences)));
    }

    @Test
    void jitterWithinTheBandDoesNotFlap() {
        FenceIndex fences = index(circle("c", 100));
        List<String> seen = new ArrayList<>();
        // Around the edge: 3 m in, 10 m out, 1 m in, 14 m out, 5 m in ...
        for (double offset : new double[] {-3, 10, -1, 14, -5, 12, 2, -2, 14.5}) {
            seen.addAll(types(at("a", "d", north(100 + offset), CENTER_LON, fences)));
        }
        assertEquals(List.of("entry"), seen, "one entry, no exit while within the band");
        assertEquals(List.of("exit"), types(at("a", "d", north(100 + BAND + 1), CENTER_LON, fences)));
    }

    @Test
    void polygonEdgesHaveTheBandToo() {
        FenceIndex fences = index(hb("hb", true));
        double northEdge = 47.3804;
        assertEquals(List.of("entry"), types(at("a", "d", northEdge - 5 / M, 8.5400, fences)));
        assertTrue(at("a", "d", northEdge + 12 / M, 8.5400, fences).isEmpty());
        assertTrue(at("a", "d", northEdge - 1 / M, 8.5400, fences).isEmpty());
        assertEquals(List.of("exit"), types(at("a", "d", northEdge + 20 / M, 8.5400, fences)));
    }

    @Test
    void aDeviceOfAnotherTenantHasItsOwnState() {
        FenceIndex tenantA = index(circle("c", 100));
        FenceIndex tenantB = index();
        assertTrue(at("b", "truck-1", north(0), CENTER_LON, tenantB).isEmpty());
        assertEquals(List.of("entry"), types(at("a", "truck-1", north(0), CENTER_LON, tenantA)));
        assertTrue(at("b", "truck-1", north(500), CENTER_LON, tenantB).isEmpty());
    }

    @Test
    void aDeletedOrInactiveFenceRaisesNothingAndIsForgotten() {
        assertEquals(List.of("entry"), types(at("a", "d", north(0), CENTER_LON, index(circle("c", 100)))));
        // Deleted while the device is inside: no exit, and the inside set forgets it.
        assertTrue(at("a", "d", north(500), CENTER_LON, index()).isEmpty());
        assertEquals(Set.of(), stored.get("a/d"));
        assertTrue(at("a", "d", 47.3780, 8.5400, index(hb("hb", false))).isEmpty(), "inactive");
    }

    @Test
    void aDeviceFarAwayIsNotTestedAgainstTheFenceButStillLeavesIt() {
        FenceIndex fences = index(circle("c", 100));
        assertTrue(fences.near(CENTER_LAT + 1, CENTER_LON).isEmpty(), "a degree away: another cell");
        assertEquals(1, fences.near(north(110), CENTER_LON).size());
        at("a", "d", north(0), CENTER_LON, fences);
        // The device jumps far away (a GPS reset): it is inside c, so c is tested although not near.
        assertEquals(List.of("exit"), types(at("a", "d", CENTER_LAT + 1, CENTER_LON, fences)));
    }

    @Test
    void insideSetsAreReadBackAfterARestart() {
        FenceIndex fences = index(circle("c", 100));
        at("a", "d", north(0), CENTER_LON, fences);
        // A new tracker (a restarted replica) reads the stored set: no second entry, and the exit is seen.
        tracker = new GeofenceTracker(BAND, (tenant, device) -> stored.getOrDefault(tenant + "/" + device, Set.of()));
        assertTrue(at("a", "d", north(10), CENTER_LON, fences).isEmpty());
        assertEquals(List.of("exit"), types(at("a", "d", north(300), CENTER_LON, fences)));
    }

    @Test
    void eventsAreKeyedByDeviceWithDeterministicIds() {
        FenceIndex fences = index(circle("c", 100));
        GeofenceTracker.Result first = tracker.onLocation("a", new DeviceLocation("d", north(0), CENTER_LON, T0, null,
                null, null, null, null), fences);
        Outbound record = first.events().get(0);
        assertEquals(Topics.GEOFENCE_EVENTS, record.topic());
        assertEquals("d", record.key());
        assertEquals("a", record.tenant());
        GeofenceTracker replay = new GeofenceTracker(BAND, (t, d) -> Set.of());
        Outbound again = replay.onLocation("a", new DeviceLocation("d", north(0), CENTER_LON, T0, null, null, null,
                null, null), fences).events().get(0);
        assertEquals(record.id(), again.id(), "a replayed location yields the same event id");
    }

    @Test
    void theSignedDistanceOfACircleAndAPolygonIsInMetres() {
        FenceShape circle = FenceShape.of(circle("c", 100));
        assertEquals(-100, circle.signedDistanceM(CENTER_LAT, CENTER_LON), 0.01);
        assertEquals(50, circle.signedDistanceM(north(150), CENTER_LON), 0.1);
        FenceShape polygon = FenceShape.of(hb("hb", true));
        assertEquals(-(47.3804 - 47.3790) * M, polygon.signedDistanceM(47.3790, 8.5400), 0.5);
        assertEquals(20, polygon.signedDistanceM(47.3804 + 20 / M, 8.5400), 0.5);
    }

    private static List<String> types(List<GeofenceEvent> events) {
        return events.stream().map(GeofenceEvent::eventType).toList();
    }
}
