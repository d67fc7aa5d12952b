package io.streamgate.safety.workflows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tenant's workflow as the REST API returns it and as {@code WorkflowKeys.workflows(tenant)} stores it (never
 * with its signing secret): which geofence events start it and the steps each execution runs, in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("trigger") Trigger trigger,
        @JsonProperty("steps") List<Step> steps,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public WorkflowDefinition withEnabled(boolean on, Instant now) {
        return new WorkflowDefinition(id, name, on, trigger, steps, createdAt, now);
    }

    /**
     * Which geofence events start an execution; an absent field matches every event.
     *
     * @param eventType     {@code entry} or {@code exit}
     * @param deviceIds     exact device ids
     * @param devicePattern a glob over the device id ({@code *}, {@code ?}); not together with {@code device_ids}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(
            @JsonProperty("geofence_id") String geofenceId,
            @JsonProperty("event_type") String eventType,
            @JsonProperty("device_ids") List<String> deviceIds,
            @JsonProperty("device_pattern") String devicePattern) {
    }

    /**
     * One step; {@code type} says which of the other fields it has.
     *
     * <ul>
     * <li>{@code condition}: {@code field} (an event field), {@code operator} ({@code equals}, {@code not_equals},
     * {@code glob}, {@code in}), {@code value} (a string) or {@code values} (for {@code in}). When it does not hold,
     * the remaining steps are skipped and the execution completes.</li>
     * <li>{@code wait}: {@code seconds}.</li>
     * <li>{@code webhook}: {@code url}, {@code method} (POST, PUT or PATCH; POST), {@code headers}, {@code body}
     * (a template with {@code {{field}}} placeholders; absent: the event as JSON), {@code timeout_seconds}.</li>
     * </ul>
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            @JsonProperty("type") String type,
            @JsonProperty("field") String field,
            @JsonProperty("operator") String operator,
            @JsonProperty("value") String value,
            @JsonProperty("values") List<String> values,
            @JsonProperty("seconds") Double seconds,
            @JsonProperty("url") String url,
            @JsonProperty("method") String method,
            @JsonProperty("headers") Map<String, String> headers,
            @JsonProperty("body") String body,
            @JsonProperty("timeout_seconds") Double timeoutSeconds) {

        public static final String CONDITION = "condition";
        public static final String WAIT = "wait";
        public static final String WEBHOOK = "webhook";

        public static Step condition(String field, String operator, String value, List<String> values) {
            return new Step(CONDITION, field, operator, value, values, null, null, null, null, null, null);
        }

        public static Step waitFor(double seconds) {
            return new Step(WAIT, null, null, null, null, seconds, null, null, null, null, null);
        }

        public static Step webhook(String url, String method, Map<String, String> headers, String body,
                Double timeoutSeconds) {
            return new Step(WEBHOOK, null, null, null, null, null, url, method, headers, body, timeoutSeconds);
        }
    }
}
