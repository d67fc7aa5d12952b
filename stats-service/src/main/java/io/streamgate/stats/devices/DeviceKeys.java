package io.streamgate.stats.devices;

import java.time.LocalDate;

import io.streamgate.stats.store.StatsKeys;

/** Redis keys of the SpatialFlow dashboard figures. */
final class DeviceKeys {

    private DeviceKeys() {
    }

    /** Sorted set device id → epoch ms of its last location. */
    static String seen(String tenant) {
        return StatsKeys.agg(tenant, "devices:seen");
    }

    /** Hash of the day's geofence counters: {@code events}, {@code entry}, {@code exit}. */
    static String geofenceDay(String tenant, LocalDate day) {
        return StatsKeys.agg(tenant, "geofence:day:" + day);
    }
}
