package io.streamgate.safety.geofences;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.geo.GeoMath;

/**
 * One tenant's active fences in a lat/lon grid: each fence is listed in every cell its bounding box (grown by
 * the hysteresis band, so exits are seen too) touches, and a location is tested only against the fences of its
 * cell. Fences too large for the grid are tested against every location. Immutable once built.
 */
public final class FenceIndex {

    /** A fence and its compiled shape. */
    public record Fence(GeofenceDefinition definition, FenceShape shape) {
    }

    private final double cell;
    private final Map<String, Fence> byId = new LinkedHashMap<>();
    private final Map<Long, List<Fence>> cells = new HashMap<>();
    private final List<Fence> large = new ArrayList<>();

    public FenceIndex(List<GeofenceDefinition> fences, double cellDegrees, double bandM, int maxCellsPerFence) {
        this.cell = cellDegrees;
        for (GeofenceDefinition definition : fences) {
            if (!definition.active()) {
                continue;
            }
            Fence fence = new Fence(definition, FenceShape.of(definition));
            byId.put(definition.id(), fence);
            double[] b = fence.shape().bounds();
            // One degree of longitude is shortest at the fence's pole-most latitude.
            double maxAbsLat = Math.min(89, Math.max(Math.abs(b[0]), Math.abs(b[2])));
            double padLat = (bandM + 1) / GeoMath.METRES_PER_DEGREE;
            double padLon = (bandM + 1) / (GeoMath.METRES_PER_DEGREE * Math.cos(Math.toRadians(maxAbsLat)));
            long row0 = index(b[0] - padLat);
            long row1 = index(b[2] + padLat);
            long col0 = index(b[1] - padLon);
            long col1 = index(b[3] + padLon);
            if ((row1 - row0 + 1) * (col1 - col0 + 1) > maxCellsPerFence) {
                large.add(fence);
                continue;
            }
            for (long row = row0; row <= row1; row++) {
                for (long col = col0; col <= col1; col++) {
                    cells.computeIfAbsent(key(row, col), k -> new ArrayList<>()).add(fence);
                }
            }
        }
    }

    /** The fences a location must be tested against (a superset of those it is inside or near). */
    public List<Fence> near(double lat, double lon) {
        List<Fence> found = cells.getOrDefault(key(index(lat), index(lon)), List.of());
        if (large.isEmpty()) {
            return found;
        }
        List<Fence> all = new ArrayList<>(found);
        all.addAll(large);
        return all;
    }

    /** The active fence of that id, or null when it is unknown, deleted or inactive. */
    public Fence get(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    private long index(double degrees) {
        return (long) Math.floor(degrees / cell);
    }

    private static long key(long row, long col) {
        return (row << 32) ^ (col & 0xffffffffL);
    }
}
