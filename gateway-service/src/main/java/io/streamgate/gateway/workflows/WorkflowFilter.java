package io.streamgate.gateway.workflows;

import io.streamgate.gateway.engine.events.EventFilter;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.platform.workflows.WorkflowEvent;

/**
 * The {@code workflows.events} one client follows: one workflow's own changes and its executions starting and
 * ending ({@link #workflow}), or every event of one execution, its steps included ({@link #execution}). A value
 * object, so clients following the same workflow share one filter group.
 */
public record WorkflowFilter(String workflowId, String executionId) implements EventFilter {

    public static WorkflowFilter workflow(String workflowId) {
        return new WorkflowFilter(workflowId, null);
    }

    public static WorkflowFilter execution(String workflowId, String executionId) {
        return new WorkflowFilter(workflowId, executionId);
    }

    @Override
    public boolean test(LiveEvent live) {
        WorkflowEvent event = WorkflowRecord.of(live);
        if (event == null || !workflowId.equals(event.workflowId())) {
            return false;
        }
        if (executionId != null) {
            return executionId.equals(event.executionId());
        }
        return !event.type().startsWith("step.");
    }
}
