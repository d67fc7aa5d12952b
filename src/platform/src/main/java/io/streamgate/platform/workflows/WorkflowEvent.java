package io.streamgate.platform.workflows;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step in a workflow's life ({@code workflows.events}, key: workflow id, CE type
 * {@code io.streamgate.workflow.event}, CE subject the execution id when there is one): the workflow itself
 * changed, an execution started or finished, or a step of an execution started, succeeded, failed, is
 * retried or was skipped. Records of one workflow are in order; a reader that sees a step event twice
 * (at-least-once) recognises it by {@code event_id}.
 *
 * @param type         one of the constants below
 * @param executionId  null for events of the workflow itself
 * @param workflowName the workflow's name when the event was written, so a status line needs no lookup
 * @param enabled      whether the workflow is enabled after this event
 * @param stepIndex    position of the step in the workflow's steps, from 0; null when not about a step
 * @param stepType     {@code condition}, {@code wait} or {@code webhook}; null when not about a step
 * @param status       for an execution or step event, the execution's status after it ({@code running},
 *                     {@code completed}, {@code failed}); for a workflow event, {@code enabled},
 *                     {@code disabled} or {@code deleted}
 * @param attempt      the attempt of a step that is retried (webhook calls), from 1; else null
 * @param message      a human-readable note: why a step failed, why a condition did not hold
 * @param triggerEventId the {@code geofence.events} event id that started the execution, on
 *                     {@code execution.started}
 * @param stats        the workflow's execution counts after this event, on workflow and execution events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("type") String type,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("workflow_name") String workflowName,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("step_index") Integer stepIndex,
        @JsonProperty("step_type") String stepType,
        @JsonProperty("status") String status,
        @JsonProperty("attempt") Integer attempt,
        @JsonProperty("message") String message,
        @JsonProperty("trigger_event_id") String triggerEventId,
        @JsonProperty("stats") WorkflowStats stats,
        @JsonProperty("timestamp") Instant timestamp) {

    public static final String WORKFLOW_CREATED = "workflow.created";
    public static final String WORKFLOW_UPDATED = "workflow.updated";
    public static final String WORKFLOW_ENABLED = "workflow.enabled";
    public static final String WORKFLOW_DISABLED = "workflow.disabled";
    public static final String WORKFLOW_DELETED = "workflow.deleted";
    public static final String EXECUTION_STARTED = "execution.started";
    public static final String EXECUTION_COMPLETED = "execution.completed";
    public static final String EXECUTION_FAILED = "execution.failed";
    public static final String STEP_STARTED = "step.started";
    public static final String STEP_SUCCEEDED = "step.succeeded";
    public static final String STEP_FAILED = "step.failed";
    public static final String STEP_RETRYING = "step.retrying";
    public static final String STEP_SKIPPED = "step.skipped";

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** True for the events of one execution (its start, its steps, its end). */
    public boolean aboutExecution() {
        return executionId != null;
    }
}
