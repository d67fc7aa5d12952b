package io.streamgate.gateway.dialect.spatialflow;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.gateway.stats.StatFigures;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.json.Timestamps;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowStats;

/**
 * SpatialFlow's messages: {@code {"type": …, <payload>, "timestamp": …}}. The seed fixes the dashboard and
 * geofence shapes field for field; the workflow and webhook channels follow the same pattern (one named object,
 * then the time), documented in {@code docs/dialects/spatialflow.md}.
 */
final class SpatialFlowMessages {

    static final String GEOFENCE_EVENT = "geofence_event";
    static final String NEW_EVENT = "new_event";
    static final String DASHBOARD_UPDATE = "dashboard_update";
    static final String WORKFLOW_STATUS = "workflow_status";
    static final String WORKFLOW_UPDATE = "workflow_update";
    static final String EXECUTION_UPDATE = "execution_update";
    static final String EXECUTION_SNAPSHOT = "execution_snapshot";
    static final String STEP_UPDATE = "step_update";
    static final String WEBHOOK_STATUS = "webhook_status";

    private static final String[] DASHBOARD_FIGURES = { "active_geofences", "active_devices", "events_today",
            "entries_today", "exits_today" };

    private SpatialFlowMessages() {
    }

    /** {@code geofence_event} or {@code new_event}: the event as the seed's example spells it, at its own time. */
    static String geofence(String type, GeofenceEvent event) {
        ObjectNode message = message(type);
        message.set("event", event(event));
        message.put("timestamp", Timestamps.iso(event.timestamp()));
        return message.toString();
    }

    /**
     * The figures stats-service published last ({@code dashboard}), zeros before it has, and the tenant's latest
     * events, newest first.
     */
    static String dashboardUpdate(StatFigures figures, List<GeofenceEvent> recent, Instant now) {
        ObjectNode stats = Json.mapper().createObjectNode();
        JsonNode published = figures == null ? null : tree(figures.data());
        for (String figure : DASHBOARD_FIGURES) {
            stats.put(figure, published == null ? 0 : published.path(figure).asLong());
        }
        stats.put("timestamp", Timestamps.iso(figures == null ? now : figures.computedAt()));
        ObjectNode message = message(DASHBOARD_UPDATE);
        message.set("stats", stats);
        ArrayNode events = message.putArray("recent_events");
        recent.forEach(event -> events.add(event(event)));
        message.put("timestamp", Timestamps.iso(now));
        return message.toString();
    }

    /** What a client joining a workflow's channel starts from: its definition and counts. */
    static String workflowStatus(JsonNode definition, WorkflowStats stats, Instant now) {
        ObjectNode message = message(WORKFLOW_STATUS);
        message.set("workflow", definition);
        message.set("stats", Json.mapper().valueToTree(stats));
        message.put("timestamp", Timestamps.iso(now));
        return message.toString();
    }

    /** What a client joining an execution's channel starts from: every step reached so far. */
    static String executionSnapshot(WorkflowExecution execution, Instant now) {
        ObjectNode message = message(EXECUTION_SNAPSHOT);
        message.set("execution", Json.mapper().valueToTree(execution));
        message.put("timestamp", Timestamps.iso(now));
        return message.toString();
    }

    /** {@code workflow_update}, {@code execution_update} or {@code step_update}, by what the event is about. */
    static String workflowEvent(WorkflowEvent event) {
        ObjectNode message;
        if (!event.aboutExecution()) {
            message = message(WORKFLOW_UPDATE);
            ObjectNode workflow = message.putObject("workflow");
            workflow.put("id", event.workflowId());
            workflow.put("name", event.workflowName());
            workflow.put("enabled", event.enabled());
            workflow.put("status", event.status());
            workflow.put("event", event.type());
            stats(message, event.stats());
        } else if (event.stepIndex() == null) {
            message = message(EXECUTION_UPDATE);
            ObjectNode execution = message.putObject("execution");
            execution.put("execution_id", event.executionId());
            execution.put("workflow_id", event.workflowId());
            execution.put("status", event.status());
            execution.put("event", event.type());
            putIfPresent(execution, "trigger_event_id", event.triggerEventId());
            putIfPresent(execution, "message", event.message());
            stats(message, event.stats());
        } else {
            message = message(STEP_UPDATE);
            ObjectNode step = message.putObject("step");
            step.put("execution_id", event.executionId());
            step.put("workflow_id", event.workflowId());
            step.put("index", event.stepIndex());
            step.put("type", event.stepType());
            step.put("status", event.type().substring(event.type().indexOf('.') + 1));
            if (event.attempt() != null) {
                step.put("attempt", event.attempt());
            }
            putIfPresent(step, "message", event.message());
            step.put("execution_status", event.status());
        }
        message.put("timestamp", Timestamps.iso(event.timestamp()));
        return message.toString();
    }

    static String webhookStatus(WebhookStatus status) {
        ObjectNode message = message(WEBHOOK_STATUS);
        message.set("delivery", Json.mapper().valueToTree(status));
        message.put("timestamp", Timestamps.iso(status.timestamp()));
        return message.toString();
    }

    static String pong(Instant now) {
        ObjectNode message = message("pong");
        message.put("timestamp", Timestamps.iso(now));
        return message.toString();
    }

    static String error(String text) {
        ObjectNode message = message("error");
        message.put("message", text);
        return message.toString();
    }

    private static ObjectNode event(GeofenceEvent event) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("device_id", event.deviceId());
        node.put("geofence_id", event.geofenceId());
        node.put("geofence_name", event.geofenceName());
        node.put("event_type", event.eventType());
        ObjectNode location = node.putObject("location");
        if (event.location() != null) {
            location.put("latitude", event.location().latitude());
            location.put("longitude", event.location().longitude());
        }
        return node;
    }

    private static void stats(ObjectNode message, WorkflowStats stats) {
        if (stats != null) {
            message.set("stats", Json.mapper().valueToTree(stats));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static ObjectNode message(String type) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("type", type);
        return message;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException malformed) {
            // stats-service writes these figures; one it cannot have written counts as none.
            return null;
        }
    }
}
