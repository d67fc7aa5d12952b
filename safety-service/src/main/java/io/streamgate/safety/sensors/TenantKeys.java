package io.streamgate.safety.sensors;

/** The Redis keys of the sensor rules; every key starts with the tenant, so no key is shared. */
public final class TenantKeys {

    private TenantKeys() {
    }

    /** Hash: rule id → {@link ThresholdRule} JSON. */
    public static String thresholds(String tenant) {
        return "streamgate:tenant:" + tenant + ":sensor-thresholds";
    }

    /** Set once, when the tenant's default rules were seeded. */
    public static String thresholdsSeeded(String tenant) {
        return "streamgate:tenant:" + tenant + ":sensor-thresholds:seeded";
    }
}
