package io.streamgate.platform.topic;

import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue: every topic StreamGate uses, its key, who writes it and who reads it. A
 * service names a topic through these constants only, so this file is the one map of the data flow.
 */
public final class Topics {

    private static final String INGEST = "ingest-service";
    private static final String SAFETY = "safety-service";
    private static final String STATS = "stats-service";
    private static final String GATEWAY = "gateway-service";

    /** Normalised ADS-B positions, one record per aircraft report. */
    public static final Topic AIRCRAFT_POSITIONS = new Topic("aircraft.positions", "ICAO hex (lower case, '~' kept)",
            false, List.of(INGEST), List.of(GATEWAY, SAFETY, STATS));
    /** Last known state per aircraft; a tombstone when it times out (drives {@code aircraft:remove}). */
    public static final Topic AIRCRAFT_STATE = new Topic("aircraft.state", "ICAO hex", true,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic ACARS_MESSAGES = new Topic("acars.messages", "ICAO hex, else flight", false,
            List.of(INGEST), List.of(GATEWAY, STATS));
    public static final Topic AIRSPACE_ADVISORIES = new Topic("airspace.advisories", "advisory id", true,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic NOTAMS = new Topic("notams", "NOTAM id", true, List.of(INGEST), List.of(GATEWAY));
    public static final Topic AUDIO_TRANSCRIPTIONS = new Topic("audio.transcriptions", "transmission id", false,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic SENSOR_READINGS = new Topic("sensor.readings", "machine id", false,
            List.of(INGEST), List.of(GATEWAY, SAFETY, STATS));
    public static final Topic DEVICE_LOCATIONS = new Topic("device.locations", "device id", false,
            List.of(INGEST), List.of(GATEWAY, SAFETY, STATS));
    public static final Topic JOBS_EVENTS = new Topic("jobs.events", "job id", false,
            List.of(INGEST), List.of(GATEWAY, STATS));
    public static final Topic WORKERS_EVENTS = new Topic("workers.events", "worker id", false,
            List.of(INGEST), List.of(GATEWAY, STATS));
    public static final Topic ENTITIES_CHANGES = new Topic("entities.changes", "tenant/entity id", false,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic WORKFLOWS_EVENTS = new Topic("workflows.events", "workflow id", false,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic WEBHOOKS_STATUS = new Topic("webhooks.status", "webhook id", false,
            List.of(INGEST), List.of(GATEWAY));
    public static final Topic SAFETY_EVENTS = new Topic("safety.events", "safety event id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS));
    public static final Topic ALERTS_TRIGGERED = new Topic("alerts.triggered", "rule id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS));
    public static final Topic GEOFENCE_EVENTS = new Topic("geofence.events", "device id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS));
    public static final Topic MACHINES_STATUS = new Topic("machines.status", "tenant/machine id", true,
            List.of(SAFETY), List.of(GATEWAY, STATS));
    public static final Topic STATS_UPDATES = new Topic("stats.updates", "tenant/stat type", true,
            List.of(STATS), List.of(GATEWAY));

    public static final List<Topic> ALL = List.of(AIRCRAFT_POSITIONS, AIRCRAFT_STATE, ACARS_MESSAGES,
            AIRSPACE_ADVISORIES, NOTAMS, AUDIO_TRANSCRIPTIONS, SENSOR_READINGS, DEVICE_LOCATIONS, JOBS_EVENTS,
            WORKERS_EVENTS, ENTITIES_CHANGES, WORKFLOWS_EVENTS, WEBHOOKS_STATUS, SAFETY_EVENTS, ALERTS_TRIGGERED,
            GEOFENCE_EVENTS, MACHINES_STATUS, STATS_UPDATES);

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
