package io.streamgate.safety.workflows;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.safety.alerts.GlobPattern;

/** Whether a trigger matches a geofence event, and whether a condition step holds for it. */
public final class Conditions {

    public static final List<String> OPERATORS = List.of("equals", "not_equals", "glob", "in");

    private Conditions() {
    }

    public static boolean triggers(WorkflowDefinition.Trigger trigger, GeofenceEvent event) {
        if (trigger == null) {
            return true;
        }
        if (trigger.geofenceId() != null && !trigger.geofenceId().equals(event.geofenceId())) {
            return false;
        }
        if (trigger.eventType() != null && !trigger.eventType().equals(event.eventType())) {
            return false;
        }
        if (trigger.deviceIds() != null && !trigger.deviceIds().contains(event.deviceId())) {
            return false;
        }
        return trigger.devicePattern() == null || (event.deviceId() != null
                && GlobPattern.compile(trigger.devicePattern()).matcher(event.deviceId()).matches());
    }

    /** A condition step over the event's {@link EventFields}. */
    public static boolean holds(WorkflowDefinition.Step step, Map<String, String> fields) {
        String actual = fields.get(step.field());
        return switch (step.operator()) {
            case "equals" -> Objects.equals(actual, step.value());
            case "not_equals" -> !Objects.equals(actual, step.value());
            case "glob" -> actual != null && GlobPattern.compile(step.value()).matcher(actual).matches();
            case "in" -> step.values() != null && step.values().contains(actual);
            default -> false;
        };
    }

    /** How a condition reads in a step event's message. */
    public static String describe(WorkflowDefinition.Step step) {
        String operand = "in".equals(step.operator()) ? String.valueOf(step.values()) : "'" + step.value() + "'";
        return step.field() + " " + step.operator() + " " + operand;
    }
}
