package io.streamgate.platform.event;

/** The CloudEvents {@code type} values StreamGate writes, one per kind of fact. */
public final class EventTypes {

    public static final String AIRCRAFT_POSITION = "io.streamgate.aircraft.position";
    /** An aircraft reported an ACAS resolution advisory: {@link io.streamgate.platform.aviation.AcasAdvisory}. */
    public static final String AIRCRAFT_ACAS_ADVISORY = "io.streamgate.aircraft.acas.advisory";
    public static final String ACARS_MESSAGE = "io.streamgate.acars.message";
    public static final String AIRSPACE_ADVISORY = "io.streamgate.airspace.advisory";
    public static final String NOTAM = "io.streamgate.notam";
    public static final String AUDIO_TRANSCRIPTION = "io.streamgate.audio.transcription";
    public static final String SENSOR_READING = "io.streamgate.sensor.reading";
    public static final String DEVICE_LOCATION = "io.streamgate.device.location";
    /** Followed by the job event: {@code io.streamgate.job.created}, {@code …job.failed}, … */
    public static final String JOB_PREFIX = "io.streamgate.job.";
    /** Followed by the worker event: {@code io.streamgate.worker.heartbeat}, … */
    public static final String WORKER_PREFIX = "io.streamgate.worker.";
    /** An NGSI entity was created, updated or deleted; the payload's {@code type} says which. */
    public static final String ENTITY_CHANGE = "io.streamgate.entity.change";
    /**
     * A safety event record (raised, changed or ended): the payload is a
     * {@link io.streamgate.platform.safety.SafetyEvent}, whose {@code active} flag says which.
     */
    public static final String SAFETY_EVENT = "io.streamgate.safety.event";
    /** A user's alert rule matched an aircraft: {@link io.streamgate.platform.alerts.AlertTriggered}. */
    public static final String ALERT_TRIGGERED = "io.streamgate.alert.triggered";
    /** A user acknowledged alerts: {@link io.streamgate.platform.alerts.AlertAcknowledged}. */
    public static final String ALERT_ACKNOWLEDGED = "io.streamgate.alert.acknowledged";

    /** A sensor threshold rule fired: {@link io.streamgate.platform.sensors.SensorAlert} on {@code alerts.triggered}. */
    public static final String SENSOR_ALERT = "io.streamgate.sensor.alert";
    /** A machine's health changed: {@link io.streamgate.platform.sensors.MachineStatus} on {@code machines.status}. */
    public static final String MACHINE_STATUS = "io.streamgate.machine.status";
    /** A device entered or left a geofence: {@link io.streamgate.platform.devices.GeofenceEvent}. */
    public static final String GEOFENCE_EVENT = "io.streamgate.geofence.event";
    /** A workflow changed, or an execution or one of its steps moved: {@link io.streamgate.platform.workflows.WorkflowEvent}. */
    public static final String WORKFLOW_EVENT = "io.streamgate.workflow.event";
    /** One webhook delivery attempt: {@link io.streamgate.platform.workflows.WebhookStatus}. */
    public static final String WEBHOOK_STATUS = "io.streamgate.webhook.status";

    /** The latest figures of one statistic: {@link io.streamgate.platform.stats.StatsUpdate}. */
    public static final String STATS_UPDATE = "io.streamgate.stats.update";

    private EventTypes() {
    }
}
