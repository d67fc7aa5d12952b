package io.streamgate.safety.workflows;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.streamgate.platform.devices.GeofenceEvent;

/**
 * What the runner needs to resume an execution on any replica ({@link ExecutionQueue#runs(String)}): the event
 * that started it, the steps as they were defined when it started (a later edit of the workflow does not change
 * a running execution), and where it stands.
 *
 * @param announced   whether {@code execution.started} was written
 * @param step        index of the step in progress or next to run
 * @param stepStarted whether that step's {@code step.started} (and a webhook's {@code pending}) was written
 * @param attempts    webhook attempts made of that step
 * @param waitUntil   when the wait step in progress ends
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunState(
        @JsonProperty("tenant") String tenant,
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("workflow_name") String workflowName,
        @JsonProperty("trigger_event") GeofenceEvent triggerEvent,
        @JsonProperty("steps") List<WorkflowDefinition.Step> steps,
        @JsonProperty("announced") boolean announced,
        @JsonProperty("step") int step,
        @JsonProperty("step_started") boolean stepStarted,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("wait_until") Instant waitUntil) {

    public static RunState first(String tenant, String executionId, WorkflowDefinition workflow,
            GeofenceEvent event) {
        return new RunState(tenant, executionId, workflow.id(), workflow.name(), event, workflow.steps(), false, 0,
                false, 0, null);
    }

    RunState announce() {
        return new RunState(tenant, executionId, workflowId, workflowName, triggerEvent, steps, true, step,
                stepStarted, attempts, waitUntil);
    }

    RunState stepStarted(Instant until) {
        return new RunState(tenant, executionId, workflowId, workflowName, triggerEvent, steps, announced, step, true,
                attempts, until);
    }

    RunState attempted(int attempt) {
        return new RunState(tenant, executionId, workflowId, workflowName, triggerEvent, steps, announced, step, true,
                attempt, waitUntil);
    }

    RunState nextStep() {
        return new RunState(tenant, executionId, workflowId, workflowName, triggerEvent, steps, announced, step + 1,
                false, 0, null);
    }
}
