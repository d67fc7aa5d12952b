package io.streamgate.safety.aviation.detect;

import java.util.HashMap;
import java.util.Map;

import io.streamgate.safety.aviation.geo.SpatialGrid;

/** One tenant's aircraft and their spatial index: pairs are only ever formed within a tenant. */
final class Airspace {

    final String tenant;
    final Map<String, TrackedAircraft> aircraft = new HashMap<>();
    final SpatialGrid<TrackedAircraft> grid;

    Airspace(String tenant, double radius, double bandHeight) {
        this.tenant = tenant;
        this.grid = new SpatialGrid<>(radius, bandHeight);
    }

    void place(TrackedAircraft a) {
        double altitude = Double.isNaN(a.kinematics.altitude()) ? 0 : a.kinematics.altitude();
        a.cell = grid.place(a, a.cell, a.kinematics.lat(), a.kinematics.lon(), altitude);
    }

    void remove(TrackedAircraft a) {
        grid.remove(a, a.cell);
        a.cell = SpatialGrid.NOWHERE;
        aircraft.remove(a.hex);
    }
}
