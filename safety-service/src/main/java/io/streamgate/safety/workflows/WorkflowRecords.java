package io.streamgate.safety.workflows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.safety.sensors.Outbound;

/**
 * The Kafka records of workflows: {@link WorkflowEvent}s on {@code workflows.events} (key: workflow id, subject:
 * execution id when there is one) and {@link WebhookStatus}es on {@code webhooks.status} (key and subject:
 * delivery id). Execution records have ids derived from what they are about, so a step done again after a crash
 * writes records with the same ids, which readers recognise as repeats.
 */
public final class WorkflowRecords {

    public static final String SOURCE = "/safety/workflows";

    private WorkflowRecords() {
    }

    public static Outbound workflowEvent(String tenant, WorkflowEvent event) {
        return new Outbound(Topics.WORKFLOWS_EVENTS, event.workflowId(), event.eventId(), SOURCE,
                EventTypes.WORKFLOW_EVENT, event.timestamp(), event.executionId(), tenant, event);
    }

    public static Outbound webhookStatus(String tenant, WebhookStatus status) {
        String id = id("webhook", status.deliveryId(), status.status(), String.valueOf(status.attempt()));
        return new Outbound(Topics.WEBHOOKS_STATUS, status.deliveryId(), id, SOURCE, EventTypes.WEBHOOK_STATUS,
                status.timestamp(), status.deliveryId(), tenant, status);
    }

    /** The id of an execution's event: the same every time that step of that execution is written. */
    public static String executionEventId(String executionId, String type, Integer stepIndex, Integer attempt) {
        return id("execution", executionId, type, String.valueOf(stepIndex), String.valueOf(attempt));
    }

    /** An execution started by {@code triggerEventId}: the same id however often the event is read. */
    public static String executionId(String workflowId, String triggerEventId) {
        return id("run", workflowId, triggerEventId);
    }

    /** The delivery of one webhook step of one execution: the idempotency id every attempt carries. */
    public static String deliveryId(String executionId, int stepIndex) {
        return id("delivery", executionId, String.valueOf(stepIndex));
    }

    /** Workflow changes are facts of their own: a random id. */
    public static String randomId() {
        return UUID.randomUUID().toString();
    }

    private static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Instant now() {
        return Instant.now();
    }
}
