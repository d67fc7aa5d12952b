package io.streamgate.gateway.json;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.devices.DeviceLocation;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.jobs.WorkerEvent;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowStats;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorReading;

/**
 * The platform records the gateway decodes from Kafka with Jackson, registered for reflection so that a
 * native image reads them as the JVM does (Jackson finds record components and their annotations
 * reflectively). A view that decodes a new record type adds it here.
 */
@RegisterForReflection(targets = { AircraftPosition.class, SafetyEvent.class, DeviceLocation.class,
        SensorReading.class, MachineStatus.class, JobEvent.class, WorkerEvent.class, GeofenceEvent.class,
        GeoPoint.class, WorkflowEvent.class, WorkflowStats.class, WorkflowExecution.class,
        WorkflowExecution.Step.class, WebhookStatus.class })
final class DecodedRecords {

    private DecodedRecords() {
    }
}
