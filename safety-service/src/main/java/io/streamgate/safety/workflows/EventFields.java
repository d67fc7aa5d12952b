package io.streamgate.safety.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamgate.platform.devices.GeofenceEvent;

/**
 * The values a step can see of the geofence event that started its execution: what conditions test and what
 * {@code {{name}}} placeholders of a webhook body stand for.
 */
public final class EventFields {

    /** The fields a condition may test. */
    public static final List<String> CONDITION_FIELDS = List.of("device_id", "geofence_id", "geofence_name",
            "event_type");

    /** The placeholders a body template may use. */
    public static final List<String> PLACEHOLDERS = List.of("event_id", "device_id", "geofence_id", "geofence_name",
            "event_type", "latitude", "longitude", "timestamp", "workflow_id", "workflow_name", "execution_id");

    private EventFields() {
    }

    public static Map<String, String> of(GeofenceEvent event, String workflowId, String workflowName,
            String executionId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", event.eventId());
        fields.put("device_id", event.deviceId());
        fields.put("geofence_id", event.geofenceId());
        fields.put("geofence_name", event.geofenceName());
        fields.put("event_type", event.eventType());
        fields.put("latitude", event.location() == null ? null : String.valueOf(event.location().latitude()));
        fields.put("longitude", event.location() == null ? null : String.valueOf(event.location().longitude()));
        fields.put("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
        fields.put("workflow_id", workflowId);
        fields.put("workflow_name", workflowName);
        fields.put("execution_id", executionId);
        return fields;
    }
}
