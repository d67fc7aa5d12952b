package io.streamgate.safety.geofences;

/** The Redis keys of geofences; every key starts with the tenant, so no key is shared between tenants. */
public final class GeofenceKeys {

    private GeofenceKeys() {
    }

    /** Hash: geofence id → {@link io.streamgate.platform.devices.GeofenceDefinition} JSON (the shared contract). */
    public static String fences(String tenant) {
        return "streamgate:tenant:" + tenant + ":geofences";
    }

    /** Set of the geofence ids a device is inside. */
    public static String inside(String tenant, String device) {
        return "streamgate:tenant:" + tenant + ":geofences:inside:" + device;
    }

    /** Set once, when the tenant's default fences were seeded. */
    public static String seeded(String tenant) {
        return "streamgate:tenant:" + tenant + ":geofences:seeded";
    }
}
