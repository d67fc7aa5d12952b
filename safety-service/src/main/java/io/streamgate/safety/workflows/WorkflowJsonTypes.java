package io.streamgate.safety.workflows;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowStats;

/**
 * The types workflows encode and decode with Jackson outside REST (Redis values, Kafka records), registered
 * for reflection so that a native image reads and writes them as the JVM does.
 */
@RegisterForReflection(targets = { WorkflowDefinition.class, WorkflowDefinition.Trigger.class,
        WorkflowDefinition.Step.class, RunState.class, WorkflowExecution.class, WorkflowExecution.Step.class,
        WorkflowEvent.class, WorkflowStats.class, WebhookStatus.class, GeofenceEvent.class, GeoPoint.class })
final class WorkflowJsonTypes {

    private WorkflowJsonTypes() {
    }
}
