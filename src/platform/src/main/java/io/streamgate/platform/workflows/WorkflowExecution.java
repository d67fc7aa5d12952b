package io.streamgate.platform.workflows;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one execution stands ({@link WorkflowKeys#executions(String)}, field: execution id): what its owner
 * rewrites after every step and what the gateway sends a client that joins the execution's channel before
 * the live step events.
 *
 * @param status  {@code running}, {@code completed} or {@code failed} (the {@link WorkflowEvent} constants)
 * @param steps   one entry per step reached so far, in step order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowExecution(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("workflow_id") String workflowId,
        @JsonProperty("status") String status,
        @JsonProperty("trigger_event_id") String triggerEventId,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("steps") List<Step> steps) {

    /**
     * One step's progress.
     *
     * @param status   {@code started}, {@code succeeded}, {@code failed}, {@code retrying} or {@code skipped}
     * @param attempts attempts made so far (webhook calls); 1 for steps that are not retried
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            @JsonProperty("index") int index,
            @JsonProperty("type") String type,
            @JsonProperty("status") String status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("message") String message,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt) {
    }
}
