package io.streamgate.stats.store;

import java.time.LocalDate;

/**
 * Every Redis key of the statistics service. Published figures live where the contract says
 * ({@code streamgate:tenant:<t>:stats:<stat_type>}); the aggregation state behind them lives under
 * {@code streamgate:tenant:<t>:stats-agg:…}, a separate namespace so no state key can collide with a stat type.
 */
public final class StatsKeys {

    /** Every tenant that has sent anything, so the publisher knows whom to compute for. */
    public static final String TENANTS = "streamgate:stats-agg:tenants";

    private StatsKeys() {
    }

    /** The latest published figures (contract key). */
    public static String latest(String tenant, String statType) {
        return "streamgate:tenant:" + tenant + ":stats:" + statType;
    }

    /** When (tenant, stat type) was last published, guarding the publication floor across replicas. */
    public static String published(String tenant, String statType) {
        return agg(tenant, "published:" + statType);
    }

    /** Per-replica contributions of the in-memory minute windows. */
    public static String windows(String tenant) {
        return agg(tenant, "windows");
    }

    /** Aggregation state of one tenant. */
    public static String agg(String tenant, String rest) {
        return "streamgate:tenant:" + tenant + ":stats-agg:" + rest;
    }

    public static String day(LocalDate day) {
        return day.toString();
    }

    /** The contract hash of geofence definitions, written by safety-service. */
    public static String geofences(String tenant) {
        return "streamgate:tenant:" + tenant + ":geofences";
    }
}
