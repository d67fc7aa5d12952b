package io.streamgate.safety.sensors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;

/**
 * Reads a JSON object body field by field and collects every problem, so a 422 names each bad field at
 * once rather than the first one only.
 */
public final class RequestBody {

    private final JsonNode root;
    private final List<FieldProblem> problems = new ArrayList<>();

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    /** @throws MalformedJsonException (400) when the body is not JSON; 422 when it is not an object */
    public static RequestBody parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new MalformedJsonException(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("the body must be a JSON object",
                    List.of(new FieldProblem("", "must be a JSON object")));
        }
        return new RequestBody(root);
    }

    public JsonNode root() {
        return root;
    }

    public boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    public void problem(String pointer, String detail) {
        problems.add(new FieldProblem(pointer, detail));
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem("/" + field, "is required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem("/" + field, "must be a non-empty string");
            return null;
        }
        if (node.asText().length() > maxLength) {
            problem("/" + field, "must be at most " + maxLength + " characters");
            return null;
        }
        return node.asText();
    }

    public String oneOf(String field, List<String> allowed) {
        String value = text(field, true, 64);
        if (value != null && !allowed.contains(value)) {
            problem("/" + field, "must be one of " + allowed);
            return null;
        }
        return value;
    }

    public Double number(String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem("/" + field, "is required");
            }
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            problem("/" + field, "must be a finite number");
            return null;
        }
        return node.asDouble();
    }

    public Boolean bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problem("/" + field, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }

    /** @throws InvalidRequestException (422) naming every problem found so far */
    public void requireValid(String what) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("invalid " + what, problems);
        }
    }
}
