package io.streamgate.safety.workflows;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.safety.alerts.GlobPattern;
import io.streamgate.service.problem.InvalidRequestException;

/**
 * Reads a workflow from a request body, collecting every problem (a JSON Pointer and a reason each) so that
 * one 422 names all bad fields. {@code id}, {@code created_at}, {@code updated_at} and {@code secret} are
 * ignored, so a workflow read from the API can be sent back; any other unknown field is refused, so a misspelt
 * one is not silently dropped.
 */
public final class WorkflowRequestParser {

    /** What a request defines; the resource adds id and times. */
    public record Draft(String name, boolean enabled, WorkflowDefinition.Trigger trigger,
            List<WorkflowDefinition.Step> steps) {
    }

    private static final Set<String> TOP_LEVEL = Set.of("name", "enabled", "trigger", "steps");
    private static final Set<String> IGNORED = Set.of("id", "created_at", "updated_at", "secret");
    private static final Set<String> TRIGGER = Set.of("geofence_id", "event_type", "device_ids", "device_pattern");
    private static final Set<String> CONDITION = Set.of("type", "field", "operator", "value", "values");
    private static final Set<String> WAIT = Set.of("type", "seconds");
    private static final Set<String> WEBHOOK = Set.of("type", "url", "method", "headers", "body", "timeout_seconds");
    private static final List<String> METHODS = List.of("POST", "PUT", "PATCH");
    /** RFC 9110 token characters: what a header name may be made of. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the delivery sets itself: a step must not forge or break them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection");
    private static final String RESERVED_PREFIX = "x-streamgate-";
    private static final int MAX_ID_LENGTH = 200;

    private final WorkflowsConfig limits;

    public WorkflowRequestParser(WorkflowsConfig limits) {
        this.limits = limits;
    }

    /** @throws InvalidRequestException naming every bad field */
    public Draft parse(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new FieldProblem("", "expected a JSON object {name, trigger, steps, …}")));
        }
        unknownFields(body, "", TOP_LEVEL, IGNORED, problems);
        String name = text(body.get("name"), "/name", true, limits.maxNameLength(), problems);
        boolean enabled = true;
        JsonNode enabledNode = body.get("enabled");
        if (!absent(enabledNode)) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.booleanValue();
            } else {
                problems.add(new FieldProblem("/enabled", "must be true or false"));
            }
        }
        WorkflowDefinition.Trigger trigger = trigger(body.get("trigger"), problems);
        List<WorkflowDefinition.Step> steps = steps(body.get("steps"), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Draft(name, enabled, trigger, steps);
    }

    /** A PATCH body: only {@code enabled}. */
    public boolean parseEnabled(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new FieldProblem("", "expected a JSON object {\"enabled\": true|false}")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        unknownFields(body, "", Set.of("enabled"), Set.of(), problems);
        JsonNode node = body.get("enabled");
        if (absent(node)) {
            problems.add(new FieldProblem("/enabled", "is required"));
        } else if (!node.isBoolean()) {
            problems.add(new FieldProblem("/enabled", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return node.booleanValue();
    }

    private WorkflowDefinition.Trigger trigger(JsonNode node, List<FieldProblem> problems) {
        if (absent(node)) {
            return new WorkflowDefinition.Trigger(null, null, null, null);
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("/trigger", "must be an object {geofence_id?, event_type?, device_ids?, "
                    + "device_pattern?}"));
            return null;
        }
        unknownFields(node, "/trigger", TRIGGER, Set.of(), problems);
        String geofence = text(node.get("geofence_id"), "/trigger/geofence_id", false, MAX_ID_LENGTH, problems);
        String eventType = null;
        JsonNode typeNode = node.get("event_type");
        if (!absent(typeNode)) {
            if (typeNode.isTextual() && List.of(GeofenceEvent.ENTRY, GeofenceEvent.EXIT).contains(typeNode.asText())) {
                eventType = typeNode.asText();
            } else {
                problems.add(new FieldProblem("/trigger/event_type", "must be entry or exit"));
            }
        }
        List<String> deviceIds = null;
        JsonNode idsNode = node.get("device_ids");
        if (!absent(idsNode)) {
            deviceIds = strings(idsNode, "/trigger/device_ids", limits.maxDeviceIds(), problems);
        }
        String pattern = glob(node.get("device_pattern"), "/trigger/device_pattern", problems);
        if (deviceIds != null && pattern != null) {
            problems.add(new FieldProblem("/trigger/device_pattern", "give device_ids or device_pattern, not both"));
        }
        return new WorkflowDefinition.Trigger(geofence, eventType, deviceIds, pattern);
    }

    private List<WorkflowDefinition.Step> steps(JsonNode node, List<FieldProblem> problems) {
        if (absent(node)) {
            problems.add(new FieldProblem("/steps", "is required"));
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new FieldProblem("/steps", "must be a non-empty list of steps"));
            return null;
        }
        if (node.size() > limits.maxSteps()) {
            problems.add(new FieldProblem("/steps", "must have at most " + limits.maxSteps()
                    + " steps (streamgate.safety.workflows.max-steps)"));
            return null;
        }
        List<WorkflowDefinition.Step> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            steps.add(step(node.get(i), "/steps/" + i, problems));
        }
        return steps;
    }

    private WorkflowDefinition.Step step(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an object {type, …}"));
            return null;
        }
        JsonNode type = node.get("type");
        if (absent(type)) {
            problems.add(new FieldProblem(pointer + "/type", "is required: condition, wait or webhook"));
            return null;
        }
        return switch (type.asText()) {
            case WorkflowDefinition.Step.CONDITION -> condition(node, pointer, problems);
            case WorkflowDefinition.Step.WAIT -> waitStep(node, pointer, problems);
            case WorkflowDefinition.Step.WEBHOOK -> webhook(node, pointer, problems);
            default -> {
                problems.add(new FieldProblem(pointer + "/type", "must be condition, wait or webhook"));
                yield null;
            }
        };
    }

    private WorkflowDefinition.Step condition(JsonNode node, String pointer, List<FieldProblem> problems) {
        unknownFields(node, pointer, CONDITION, Set.of(), problems);
        int before = problems.size();
        String field = text(node.get("field"), pointer + "/field", true, 64, problems);
        if (field != null && !EventFields.CONDITION_FIELDS.contains(field)) {
            problems.add(new FieldProblem(pointer + "/field", "must be one of " + EventFields.CONDITION_FIELDS));
        }
        String operator = text(node.get("operator"), pointer + "/operator", true, 64, problems);
        if (operator != null && !Conditions.OPERATORS.contains(operator)) {
            problems.add(new FieldProblem(pointer + "/operator", "must be one of " + Conditions.OPERATORS));
            operator = null;
        }
        String value = null;
        List<String> values = null;
        if ("in".equals(operator)) {
            if (!absent(node.get("value"))) {
                problems.add(new FieldProblem(pointer + "/value", "operator in takes values (a list), not value"));
            }
            JsonNode list = node.get("values");
            if (absent(list)) {
                problems.add(new FieldProblem(pointer + "/values", "is required for operator in"));
            } else {
                values = strings(list, pointer + "/values", limits.maxDeviceIds(), problems);
            }
        } else if (operator != null) {
            if (!absent(node.get("values"))) {
                problems.add(new FieldProblem(pointer + "/values", "only operator in takes values"));
            }
            value = "glob".equals(operator) ? glob(node.get("value"), pointer + "/value", problems)
                    : text(node.get("value"), pointer + "/value", false, MAX_ID_LENGTH, problems);
            if (value == null && absent(node.get("value"))) {
                problems.add(new FieldProblem(pointer + "/value", "is required"));
            }
        }
        return problems.size() > before ? null : WorkflowDefinition.Step.condition(field, operator, value, values);
    }

    private WorkflowDefinition.Step waitStep(JsonNode node, String pointer, List<FieldProblem> problems) {
        unknownFields(node, pointer, WAIT, Set.of(), problems);
        double max = limits.maxWait().toMillis() / 1000.0;
        JsonNode seconds = node.get("seconds");
        if (absent(seconds)) {
            problems.add(new FieldProblem(pointer + "/seconds", "is required"));
            return null;
        }
        if (!seconds.isNumber() || !(seconds.doubleValue() > 0 && seconds.doubleValue() <= max)) {
            problems.add(new FieldProblem(pointer + "/seconds", "must be a number of seconds above 0 and at most "
                    + max + " (streamgate.safety.workflows.max-wait)"));
            return null;
        }
        return WorkflowDefinition.Step.waitFor(seconds.doubleValue());
    }

    private WorkflowDefinition.Step webhook(JsonNode node, String pointer, List<FieldProblem> problems) {
        unknownFields(node, pointer, WEBHOOK, Set.of(), problems);
        int before = problems.size();
        String url = url(node.get("url"), pointer + "/url", problems);
        String method = "POST";
        JsonNode methodNode = node.get("method");
        if (!absent(methodNode)) {
            if (methodNode.isTextual() && METHODS.contains(methodNode.asText().toUpperCase(Locale.ROOT))) {
                method = methodNode.asText().toUpperCase(Locale.ROOT);
            } else {
                problems.add(new FieldProblem(pointer + "/method", "must be one of " + METHODS));
            }
        }
        Map<String, String> headers = headers(node.get("headers"), pointer + "/headers", problems);
        String body = null;
        JsonNode bodyNode = node.get("body");
        if (!absent(bodyNode)) {
            if (!bodyNode.isTextual()) {
                problems.add(new FieldProblem(pointer + "/body", "must be a string (a template with {{field}} "
                        + "placeholders)"));
            } else if (bodyNode.asText().getBytes(StandardCharsets.UTF_8).length > limits.maxBodyBytes()) {
                problems.add(new FieldProblem(pointer + "/body", "must be at most " + limits.maxBodyBytes()
                        + " bytes (streamgate.safety.workflows.max-body-bytes)"));
            } else {
                List<String> unknown = BodyTemplate.unknownPlaceholders(bodyNode.asText());
                if (unknown.isEmpty()) {
                    body = bodyNode.asText();
                } else {
                    problems.add(new FieldProblem(pointer + "/body", "unknown placeholder(s) " + unknown
                            + "; known: " + EventFields.PLACEHOLDERS));
                }
            }
        }
        Double timeout = null;
        JsonNode timeoutNode = node.get("timeout_seconds");
        if (!absent(timeoutNode)) {
            double max = limits.webhooks().maxTimeout().toMillis() / 1000.0;
            if (timeoutNode.isNumber() && timeoutNode.doubleValue() > 0 && timeoutNode.doubleValue() <= max) {
                timeout = timeoutNode.doubleValue();
            } else {
                problems.add(new FieldProblem(pointer + "/timeout_seconds", "must be a number of seconds above 0 "
                        + "and at most " + max + " (streamgate.safety.workflows.webhooks.max-timeout)"));
            }
        }
        return problems.size() > before ? null : WorkflowDefinition.Step.webhook(url, method, headers, body, timeout);
    }

    private String url(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (absent(node)) {
            problems.add(new FieldProblem(pointer, "is required"));
            return null;
        }
        if (!node.isTextual() || node.asText().length() > limits.maxUrlLength()) {
            problems.add(new FieldProblem(pointer, "must be an http or https URL of at most " + limits.maxUrlLength()
                    + " characters"));
            return null;
        }
        try {
            URI uri = new URI(node.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.add(new FieldProblem(pointer, "must be an http or https URL"));
            } else if (uri.getHost() == null) {
                problems.add(new FieldProblem(pointer, "must name a host"));
            } else if (uri.getRawUserInfo() != null) {
                problems.add(new FieldProblem(pointer, "must not carry credentials; send them in headers"));
            } else if (uri.getRawFragment() != null) {
                problems.add(new FieldProblem(pointer, "must not have a fragment"));
            } else {
                return node.asText();
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(pointer, "is not a URL: " + e.getReason()));
        }
        return null;
    }

    private Map<String, String> headers(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an object of header name to value"));
            return null;
        }
        if (node.size() > limits.maxHeaders()) {
            problems.add(new FieldProblem(pointer, "must have at most " + limits.maxHeaders()
                    + " headers (streamgate.safety.workflows.max-headers)"));
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> header = fields.next();
            String name = header.getKey();
            String at = pointer + "/" + escape(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches()) {
                problems.add(new FieldProblem(at, "is not a valid header name"));
            } else if (RESERVED_HEADERS.contains(lower) || lower.startsWith(RESERVED_PREFIX)) {
                problems.add(new FieldProblem(at, "is set by the delivery itself"));
            } else if (!header.getValue().isTextual()) {
                problems.add(new FieldProblem(at, "must be a string"));
            } else if (header.getValue().asText().length() > limits.maxHeaderValueLength()
                    || header.getValue().asText().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                problems.add(new FieldProblem(at, "must be at most " + limits.maxHeaderValueLength()
                        + " characters without line breaks"));
            } else {
                headers.put(name, header.getValue().asText());
            }
        }
        return headers;
    }

    private static String text(JsonNode node, String pointer, boolean required, int maxLength,
            List<FieldProblem> problems) {
        if (absent(node)) {
            if (required) {
                problems.add(new FieldProblem(pointer, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new FieldProblem(pointer, "must be a non-empty string"));
            return null;
        }
        if (node.asText().strip().length() > maxLength) {
            problems.add(new FieldProblem(pointer, "must be at most " + maxLength + " characters"));
            return null;
        }
        return node.asText().strip();
    }

    private static List<String> strings(JsonNode node, String pointer, int max, List<FieldProblem> problems) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new FieldProblem(pointer, "must be a non-empty list of strings"));
            return null;
        }
        if (node.size() > max) {
            problems.add(new FieldProblem(pointer, "must have at most " + max + " entries"));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String value = text(node.get(i), pointer + "/" + i, true, MAX_ID_LENGTH, problems);
            if (value != null) {
                values.add(value);
            }
        }
        return values.size() == node.size() ? List.copyOf(values) : null;
    }

    private static String glob(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(pointer, "must be a string (a glob pattern: * and ?)"));
            return null;
        }
        Optional<String> problem = GlobPattern.problem(node.asText(), MAX_ID_LENGTH);
        problem.ifPresent(reason -> problems.add(new FieldProblem(pointer, reason)));
        return problem.isPresent() ? null : node.asText();
    }

    private static void unknownFields(JsonNode node, String pointer, Set<String> known, Set<String> ignored,
            List<FieldProblem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!known.contains(field) && !ignored.contains(field)) {
                problems.add(new FieldProblem(pointer + "/" + escape(field), "unknown field"));
            }
        }
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static InvalidRequestException invalid(List<FieldProblem> problems) {
        return new InvalidRequestException("the workflow is invalid", problems);
    }
}
