package io.streamgate.safety.geofences;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.streamgate.safety.consumer.ConsumerSettings;

/** Geofence limits, the entry/exit hysteresis, the spatial index and the {@code device.locations} consumer. */
@ConfigMapping(prefix = "streamgate.safety.geofences")
public interface GeofencesConfig {

    /**
     * Hysteresis band in metres: a device enters a fence as soon as it is inside, and leaves it only once it is
     * more than this far outside, so GPS jitter at the edge does not flap.
     */
    @WithDefault("15")
    double hysteresisM();

    /** Geofences one tenant may have. */
    @WithDefault("1000")
    int maxFences();

    /** Positions a polygon's ring may have (closing position included). */
    @WithDefault("1000")
    int maxVertices();

    /** Largest circle radius, metres. */
    @WithDefault("100000")
    double maxRadiusM();

    /** Longest name, characters. */
    @WithDefault("200")
    int maxNameLength();

    /** Largest {@code metadata} object, bytes of JSON. */
    @WithDefault("8192")
    int maxMetadataBytes();

    /** Grid cell size of the spatial index, degrees (0.01° ≈ 1.1 km of latitude). */
    @WithDefault("0.01")
    double cellDegrees();

    /** A fence covering more grid cells than this is tested against every location of its tenant instead. */
    @WithDefault("4096")
    int maxCellsPerFence();

    /**
     * How long the consumer uses a tenant's fences before reading them from Redis again: a fence changed through
     * another replica takes effect within this (through this replica at once).
     */
    @WithDefault("2s")
    Duration fenceRefresh();

    /**
     * Tenants that get the devstack traffic's Zurich fences the first time the service starts (once per tenant,
     * so deleting them is permanent).
     */
    @WithDefault("default")
    List<String> seedTenants();

    Consumer consumer();

    /** The consumer group that reads {@code device.locations}. */
    interface Consumer extends ConsumerSettings {

        @Override
        @WithDefault("safety-geofences")
        String groupId();
    }
}
