package io.streamgate.devstack.traffic;

import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the demo traffic, each a {@code streamgate.traffic.*} system property or the
 * matching environment variable ({@code STREAMGATE_TRAFFIC_SPEED} for {@code streamgate.traffic.speed}).
 * The generators' own settings are documented on their records.
 *
 * @param enabled     whether the launcher starts the traffic ({@code streamgate.traffic}, default true)
 * @param seed        seeds every generator's randomness; the same seed gives the same readings, routes
 *                    and job outcomes ({@code streamgate.traffic.seed}, default 42)
 * @param httpTimeout how long one post to ingest may take ({@code streamgate.traffic.http-timeout}, default 10s)
 * @param maxPending  event posts a generator keeps while ingest is unreachable, oldest dropped beyond
 *                    ({@code streamgate.traffic.max-pending}, default 600: ten minutes of sensor readings)
 */
public record TrafficConfig(boolean enabled, long seed, Duration httpTimeout, int maxPending,
        AircraftReplay.Settings aircraft, SensorSimulator.Settings sensors, DeviceSimulator.Settings devices,
        JobQueueSimulator.Settings jobs, SmartCitySimulator.Settings entities) {

    public static final String ENABLED = "streamgate.traffic";

    public static TrafficConfig defaults() {
        return new TrafficConfig(true, 42, Duration.ofSeconds(10), 600, AircraftReplay.Settings.DEFAULTS,
                SensorSimulator.Settings.DEFAULTS, DeviceSimulator.Settings.DEFAULTS, JobQueueSimulator.Settings.DEFAULTS,
                SmartCitySimulator.Settings.DEFAULTS);
    }

    /** From system properties, then the environment, then the defaults. */
    public static TrafficConfig fromSystem() {
        return read(SettingsSource.fromSystem());
    }

    /** From the given {@code streamgate.traffic.*} values, then the defaults (tests). */
    public static TrafficConfig of(Map<String, String> values) {
        return read(SettingsSource.of(values));
    }

    private static TrafficConfig read(SettingsSource s) {
        TrafficConfig d = defaults();
        return new TrafficConfig(s.flag(ENABLED, d.enabled()), s.integer("streamgate.traffic.seed", d.seed()),
                s.duration("streamgate.traffic.http-timeout", d.httpTimeout()),
                (int) s.integer("streamgate.traffic.max-pending", d.maxPending()),
                AircraftReplay.Settings.read(d.aircraft(), s), SensorSimulator.Settings.read(d.sensors(), s),
                DeviceSimulator.Settings.read(d.devices(), s), JobQueueSimulator.Settings.read(d.jobs(), s),
                SmartCitySimulator.Settings.read(d.entities(), s));
    }
}
