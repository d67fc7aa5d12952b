package io.streamgate.platform.topic;

import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue: every topic StreamGate uses, its key, who writes it, who reads it, and the
 * platform schema its payloads follow (the records of {@code io.streamgate.platform.*}, JSON with
 * snake_case fields, versioned per topic). A service names a topic through these constants only, so
 * this file is the one map of the data flow. The schema is the platform's own: each gateway dialect
 * writes its product's spelling from it, and none of them is the schema.
 */
public final class Topics {

    private static final String INGEST = "ingest-service";
    private static final String SAFETY = "safety-service";
    private static final String STATS = "stats-service";
    private static final String GATEWAY = "gateway-service";

    /** Normalised ADS-B positions, one record per aircraft report. Schema v1: {@code AircraftPosition}. */
    public static final Topic AIRCRAFT_POSITIONS = new Topic("aircraft.positions", "ICAO hex (lower case, '~' kept)",
            false, List.of(INGEST), List.of(GATEWAY, SAFETY, STATS), 1);
    /**
     * Last known state per aircraft; a tombstone when it times out (drives {@code aircraft:remove}). Schema v1:
     * {@code AircraftPosition}.
     */
    public static final Topic AIRCRAFT_STATE = new Topic("aircraft.state", "ICAO hex", true,
            List.of(INGEST), List.of(GATEWAY), 1);
    /**
     * ACAS resolution advisories the aircraft themselves reported (raw Mode S: BDS 3,0 replies, TC28
     * broadcasts), one record per change of an advisory. Meant for safety-service to raise {@code TCAS_RA}
     * events from; see docs/raw-adsb.md for what is wired. Schema v1: {@code AcasAdvisory}.
     */
    public static final Topic AIRCRAFT_ACAS = new Topic("aircraft.acas", "ICAO hex of the reporting aircraft", false,
            List.of(INGEST), List.of(SAFETY), 1);
    /** ACARS / VDL2 messages. Schema v1: {@code AcarsMessage}. */
    public static final Topic ACARS_MESSAGES = new Topic("acars.messages", "ICAO hex, else flight", false,
            List.of(INGEST), List.of(GATEWAY, STATS), 1);
    /** Airspace advisories (AIRMET, SIGMET, …), latest per advisory. Schema v1: {@code AirspaceAdvisory}. */
    public static final Topic AIRSPACE_ADVISORIES = new Topic("airspace.advisories", "advisory id", true,
            List.of(INGEST), List.of(GATEWAY), 1);
    /** NOTAMs and TFRs, latest per NOTAM. Schema v1: {@code Notam}. */
    public static final Topic NOTAMS = new Topic("notams", "NOTAM id", true, List.of(INGEST), List.of(GATEWAY), 1);
    /** Radio transmissions and their transcriptions. Schema v1: {@code AudioTranscription}. */
    public static final Topic AUDIO_TRANSCRIPTIONS = new Topic("audio.transcriptions", "transmission id", false,
            List.of(INGEST), List.of(GATEWAY), 1);
    /** Industrial sensor readings. Schema v1: {@code SensorReading}. */
    public static final Topic SENSOR_READINGS = new Topic("sensor.readings", "machine id", false,
            List.of(INGEST), List.of(GATEWAY, SAFETY, STATS), 1);
    /** Tracked device locations. Schema v1: {@code DeviceLocation}. */
    public static final Topic DEVICE_LOCATIONS = new Topic("device.locations", "device id", false,
            List.of(INGEST), List.of(GATEWAY, SAFETY, STATS), 1);
    /** Job lifecycle steps, in order per job. Schema v1: {@code JobEvent}. */
    public static final Topic JOBS_EVENTS = new Topic("jobs.events", "job id", false,
            List.of(INGEST), List.of(GATEWAY, STATS), 1);
    /** Workers registering, beating, leaving. Schema v1: {@code WorkerEvent}. */
    public static final Topic WORKERS_EVENTS = new Topic("workers.events", "worker id", false,
            List.of(INGEST), List.of(GATEWAY, STATS), 1);
    /** NGSI entity changes. Schema v1: {@code EntityChange}. */
    public static final Topic ENTITIES_CHANGES = new Topic("entities.changes", "tenant/entity id", false,
            List.of(INGEST), List.of(GATEWAY), 1);
    /** Workflows changing, executions starting and ending, their steps. Schema v1: {@code WorkflowEvent}. */
    public static final Topic WORKFLOWS_EVENTS = new Topic("workflows.events", "workflow id", false,
            List.of(SAFETY), List.of(GATEWAY), 1);
    /** Webhook delivery attempts, every attempt of one delivery under its id. Schema v1: {@code WebhookStatus}. */
    public static final Topic WEBHOOKS_STATUS = new Topic("webhooks.status", "delivery id", false,
            List.of(SAFETY), List.of(GATEWAY), 1);
    /** Aircraft safety episodes, every record of one episode under its id. Schema v1: {@code SafetyEvent}. */
    public static final Topic SAFETY_EVENTS = new Topic("safety.events", "safety event id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS), 1);
    /**
     * Rule alerts and their acknowledgements, and sensor threshold alerts, told apart by CloudEvents type. Schema
     * v1: {@code AlertTriggered}, {@code AlertAcknowledged}, {@code SensorAlert}.
     */
    public static final Topic ALERTS_TRIGGERED = new Topic("alerts.triggered", "rule id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS), 1);
    /** Geofence entries and exits. Schema v1: {@code GeofenceEvent}. */
    public static final Topic GEOFENCE_EVENTS = new Topic("geofence.events", "device id", false,
            List.of(SAFETY), List.of(GATEWAY, STATS), 1);
    /** Machine health transitions, latest per machine. Schema v1: {@code MachineStatus}. */
    public static final Topic MACHINES_STATUS = new Topic("machines.status", "tenant/machine id", true,
            List.of(SAFETY), List.of(GATEWAY, STATS), 1);
    /** Computed statistics, latest per (tenant, stat type). Schema v1: {@code StatsUpdate}. */
    public static final Topic STATS_UPDATES = new Topic("stats.updates", "tenant/stat type", true,
            List.of(STATS), List.of(GATEWAY), 1);

    public static final List<Topic> ALL = List.of(AIRCRAFT_POSITIONS, AIRCRAFT_STATE, AIRCRAFT_ACAS, ACARS_MESSAGES,
            AIRSPACE_ADVISORIES, NOTAMS, AUDIO_TRANSCRIPTIONS, SENSOR_READINGS, DEVICE_LOCATIONS, JOBS_EVENTS,
            WORKERS_EVENTS, ENTITIES_CHANGES, WORKFLOWS_EVENTS, WEBHOOKS_STATUS, SAFETY_EVENTS, ALERTS_TRIGGERED,
            GEOFENCE_EVENTS, MACHINES_STATUS, STATS_UPDATES);

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
