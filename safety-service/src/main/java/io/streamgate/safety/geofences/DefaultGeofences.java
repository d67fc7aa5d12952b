package io.streamgate.safety.geofences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.streamgate.platform.devices.GeofenceDefinition;

/**
 * Seeds the three Zurich areas the devstack traffic's devices drive through ({@code traffic.Geofence.ZURICH})
 * as geofences of each {@code seed-tenants} tenant, once per tenant (a Redis marker), so the demo produces
 * entry and exit events out of the box. Their ids are the traffic's ids.
 */
@ApplicationScoped
public class DefaultGeofences {

    private static final Logger LOG = Logger.getLogger(DefaultGeofences.class);

    /** id, name, then the rectangle as lat/lon corners {south, west, north, east}. */
    private record Area(String id, String name, double south, double west, double north, double east) {
    }

    static final List<Area> AREAS = List.of(
            new Area("zrh-airport", "Zurich Airport", 47.4430, 8.5350, 47.4700, 8.5720),
            new Area("zurich-hb", "Zürich Hauptbahnhof", 47.3754, 8.5363, 47.3804, 8.5443),
            new Area("altstetten-depot", "Depot Altstetten", 47.3890, 8.4848, 47.3920, 8.4892));

    private final GeofenceStore store;
    private final GeofencesConfig config;

    DefaultGeofences(GeofenceStore store, GeofencesConfig config) {
        this.store = store;
        this.config = config;
    }

    void seed(@Observes StartupEvent started) {
        for (String tenant : config.seedTenants()) {
            if (tenant.isBlank()) {
                continue;
            }
            try {
                if (store.claimSeed(tenant)) {
                    fences(Instant.now()).forEach(fence -> store.put(tenant, fence));
                    LOG.infof("seeded %d default geofences for tenant %s", AREAS.size(), tenant);
                }
            } catch (RuntimeException e) {
                // The service still works without the demo fences.
                LOG.warnf("could not seed the default geofences of tenant %s: %s", tenant, e.toString());
            }
        }
    }

    static List<GeofenceDefinition> fences(Instant now) {
        List<GeofenceDefinition> fences = new ArrayList<>();
        for (Area a : AREAS) {
            List<List<Double>> ring = List.of(List.of(a.west(), a.south()), List.of(a.east(), a.south()),
                    List.of(a.east(), a.north()), List.of(a.west(), a.north()), List.of(a.west(), a.south()));
            fences.add(new GeofenceDefinition(a.id(), a.name(), true, null, null,
                    new GeofenceDefinition.Polygon("Polygon", List.of(ring)), Map.of("source", "devstack"), now, now));
        }
        return fences;
    }
}
