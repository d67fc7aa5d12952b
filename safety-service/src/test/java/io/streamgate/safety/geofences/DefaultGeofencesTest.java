package io.streamgate.safety.geofences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamgate.devstack.traffic.Geofence;
import io.streamgate.platform.devices.GeofenceDefinition;

/** The seeded demo fences are the areas the devstack traffic's devices drive through. */
class DefaultGeofencesTest {

    @Test
    void everyTrafficAreaIsSeededWithTheSameShape() {
        Map<String, GeofenceDefinition> seeded = DefaultGeofences.fences(Instant.EPOCH).stream()
                .collect(Collectors.toMap(GeofenceDefinition::id, Function.identity()));
        assertEquals(Geofence.ZURICH.size(), seeded.size());
        for (Geofence area : Geofence.ZURICH) {
            GeofenceDefinition fence = seeded.get(area.id());
            assertEquals(area.name(), fence.name());
            FenceShape shape = FenceShape.of(fence);
            double[] b = shape.bounds();
            int checked = 0;
            for (double lat = b[0] - 0.002; lat <= b[2] + 0.002; lat += 0.00037) {
                for (double lon = b[1] - 0.002; lon <= b[3] + 0.002; lon += 0.00041) {
                    assertEquals(area.contains(lat, lon), shape.signedDistanceM(lat, lon) < 0,
                            area.id() + " at " + lat + "," + lon);
                    checked++;
                }
            }
            assertEquals(true, checked > 100);
        }
    }
}
