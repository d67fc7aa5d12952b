package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.devices.DeviceLocation;

class DeviceSimulatorTest {

    private static DeviceSimulator.Device device(String id) {
        return DeviceSimulator.DEVICES.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Entries plus exits of {@code fence} over two hours of simulated time, sampled every 2 s. */
    private static int crossings(DeviceSimulator.Device device, Geofence fence) {
        int crossings = 0;
        boolean inside = false;
        for (int t = 0; t <= 7200; t += 2) {
            double[] p = DeviceSimulator.positionAt(device, t);
            boolean now = fence.contains(p[0], p[1]);
            if (t > 0 && now != inside) {
                crossings++;
            }
            inside = now;
        }
        return crossings;
    }

    @Test
    void everyGeofenceIsEnteredAndLeftAgainRepeatedly() {
        Map<String, Geofence> expected = Map.of("truck-12", Geofence.ZURICH_AIRPORT, "van-7", Geofence.ZURICH_AIRPORT,
                "bike-3", Geofence.ZURICH_HB, "phone-21", Geofence.ZURICH_HB);
        expected.forEach((id, fence) -> assertTrue(crossings(device(id), fence) >= 4,
                id + " enters and leaves " + fence.id() + " more than once in two hours"));
        assertTrue(crossings(device("truck-12"), Geofence.ZURICH_HB) >= 4, "the truck passes the main station");
        assertTrue(crossings(device("truck-12"), Geofence.ALTSTETTEN_DEPOT) >= 2, "and leaves its depot");
    }

    @Test
    void theGeofenceTestIsAPointInPolygonTest() {
        assertTrue(Geofence.ZURICH_HB.contains(47.3779, 8.5403));
        assertTrue(!Geofence.ZURICH_HB.contains(47.3697, 8.5392), "Paradeplatz is outside");
        assertTrue(Geofence.ZURICH_AIRPORT.contains(47.4504, 8.5617));
    }

    @Test
    void reportsMoveAtTheDevicesSpeedWithPlausibleFields() {
        DeviceSimulator simulator = new DeviceSimulator(DeviceSimulator.Settings.DEFAULTS, 42);
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        List<DeviceLocation> first = simulator.locations(start);
        List<DeviceLocation> later = simulator.locations(start.plusSeconds(2));
        assertEquals(DeviceSimulator.DEVICES.size(), first.size());

        // The truck leaves its depot at once: 2 s at 5x and 14 m/s is 140 m (GPS noise aside).
        DeviceLocation t0 = first.get(0);
        DeviceLocation t1 = later.get(0);
        assertEquals("truck-12", t1.deviceId());
        double moved = GeoPath.distance(new double[] {t0.lat(), t0.lon()}, new double[] {t1.lat(), t1.lon()});
        assertTrue(moved > 110 && moved < 170, "moved " + moved + " m");
        for (DeviceLocation l : later) {
            assertTrue(l.heading() == null || (l.heading() >= 0 && l.heading() <= 360));
            assertTrue(l.speed() >= 0);
            assertTrue(l.accuracy() > 0);
            double battery = ((Number) l.metadata().get("battery")).doubleValue();
            assertTrue(battery > 0 && battery <= 1);
            assertEquals(start.plusSeconds(2), l.timestamp());
        }
    }
}
