package io.streamgate.platform.workflows;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A workflow's execution counts since it was created, as its owner keeps them in
 * {@link WorkflowKeys#stats(String, String)}: {@code running} is started minus finished.
 */
public record WorkflowStats(
        @JsonProperty("executions_started") long executionsStarted,
        @JsonProperty("executions_completed") long executionsCompleted,
        @JsonProperty("executions_failed") long executionsFailed,
        @JsonProperty("executions_running") long executionsRunning) {

    public static final WorkflowStats NONE = new WorkflowStats(0, 0, 0, 0);

    public static WorkflowStats of(long started, long completed, long failed) {
        return new WorkflowStats(started, completed, failed, Math.max(0, started - completed - failed));
    }
}
