package io.streamgate.safety.geofences;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.sensors.Outbound;

/**
 * Which fences each device is inside, and the entry and exit events a new location causes. Owned by one
 * thread. A device's inside set is loaded from Redis the first time the device is seen here (so it survives
 * restarts and hand-overs), and the changes this class returns are written back once their events are
 * acknowledged.
 *
 * <p>Hysteresis: a device outside a fence enters it as soon as it is inside (signed distance &lt; 0); a device
 * inside leaves only when it is more than the band outside. Jitter around the edge thus raises one entry and
 * no exit until the device really moved away. A fence that is deleted or deactivated is dropped from the
 * inside sets without an event.
 */
public final class GeofenceTracker {

    public static final String SOURCE = "/safety/geofences";

    /** A device entered ({@code inside}) or left a fence; persisted after the events are acknowledged. */
    public record Change(String tenant, String device, String fence, boolean inside) {
    }

    /** What one location caused. */
    public record Result(List<Outbound> events, List<Change> changes) {
    }

    private final double bandM;
    private final BiFunction<String, String, Set<String>> loader;
    private final Map<String, Set<String>> inside = new HashMap<>();

    /** @param loader the stored inside set of (tenant, device) */
    public GeofenceTracker(double bandM, BiFunction<String, String, Set<String>> loader) {
        this.bandM = bandM;
        this.loader = loader;
    }

    public Result onLocation(String tenant, DeviceLocation location, FenceIndex fences) {
        String device = location.deviceId();
        Set<String> current = inside.computeIfAbsent(tenant + "/" + device,
                k -> new HashSet<>(loader.apply(tenant, device)));
        List<Outbound> events = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        // The fences the device is inside must be tested even when it jumped far away from them.
        Map<String, FenceIndex.Fence> candidates = new LinkedHashMap<>();
        for (String id : List.copyOf(current)) {
            FenceIndex.Fence fence = fences.get(id);
            if (fence == null) {
                current.remove(id);
                changes.add(new Change(tenant, device, id, false));
            } else {
                candidates.put(id, fence);
            }
        }
        fences.near(location.lat(), location.lon()).forEach(f -> candidates.putIfAbsent(f.definition().id(), f));
        for (FenceIndex.Fence fence : candidates.values()) {
            String id = fence.definition().id();
            double distance = fence.shape().signedDistanceM(location.lat(), location.lon());
            boolean wasInside = current.contains(id);
            if (!wasInside && distance < 0) {
                current.add(id);
                changes.add(new Change(tenant, device, id, true));
                events.add(event(tenant, location, fence, GeofenceEvent.ENTRY));
            } else if (wasInside && distance > bandM) {
                current.remove(id);
                changes.add(new Change(tenant, device, id, false));
                events.add(event(tenant, location, fence, GeofenceEvent.EXIT));
            }
        }
        return new Result(events, changes);
    }

    /** Forgets every device, so their inside sets are read from Redis again. */
    public void forgetAll() {
        inside.clear();
    }

    /** The fences a device is inside as far as this tracker knows, or null when it has not seen the device. */
    public Set<String> insideOf(String tenant, String device) {
        Set<String> set = inside.get(tenant + "/" + device);
        return set == null ? null : Set.copyOf(set);
    }

    public int trackedDevices() {
        return inside.size();
    }

    private static Outbound event(String tenant, DeviceLocation location, FenceIndex.Fence fence, String type) {
        String id = UUID.nameUUIDFromBytes((tenant + "|" + location.deviceId() + "|" + fence.definition().id() + "|"
                + type + "|" + location.timestamp()).getBytes(StandardCharsets.UTF_8)).toString();
        GeofenceEvent event = new GeofenceEvent(id, location.deviceId(), fence.definition().id(),
                fence.definition().name(), type, new GeoPoint(location.lat(), location.lon()), location.timestamp());
        return new Outbound(Topics.GEOFENCE_EVENTS, location.deviceId(), id, SOURCE, EventTypes.GEOFENCE_EVENT,
                location.timestamp(), location.deviceId(), tenant, event);
    }
}
