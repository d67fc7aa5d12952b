package io.streamgate.ingest.batch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.json.Timestamps;
import io.streamgate.platform.problem.FieldProblem;

/**
 * Reads the fields of one JSON object, recording every problem (by JSON Pointer) instead of stopping
 * at the first, so a rejected batch names all that is wrong with it at once.
 */
public final class FieldReader {

    private final JsonNode node;
    private final String pointer;
    private final List<FieldProblem> problems;
    private final int problemsBefore;

    public FieldReader(JsonNode node, String pointer, List<FieldProblem> problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
        this.problemsBefore = problems.size();
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an object"));
        }
    }

    /** True when this object has no problem so far. */
    public boolean valid() {
        return problems.size() == problemsBefore;
    }

    public boolean has(String field) {
        JsonNode value = value(field);
        return value != null && !value.isNull();
    }

    public String requiredText(String field) {
        String value = text(field);
        if (value == null && !has(field)) {
            problem(field, "is required");
        } else if (value != null && value.isBlank()) {
            problem(field, "must not be blank");
            return null;
        }
        return value;
    }

    public String text(String field) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        return value.asText();
    }

    /** A text that must be one of {@code allowed}. */
    public String oneOf(String field, Set<String> allowed, boolean required) {
        String value = required ? requiredText(field) : text(field);
        if (value != null && !allowed.contains(value)) {
            problem(field, "must be one of " + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }

    public Double requiredNumber(String field, double min, double max) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return number(field, min, max);
    }

    public Double number(String field, double min, double max) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problem(field, "must be a number");
            return null;
        }
        if (value.asDouble() < min || value.asDouble() > max) {
            problem(field, "must be from " + format(min) + " to " + format(max));
            return null;
        }
        return value.asDouble();
    }

    public Integer integer(String field, long min, long max) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            problem(field, "must be a whole number");
            return null;
        }
        if (value.asLong() < min || value.asLong() > max) {
            problem(field, "must be from " + min + " to " + max);
            return null;
        }
        return (int) value.asLong();
    }

    /** An ISO-8601 instant ({@code 2026-04-04T10:30:05Z}) or seconds since the epoch. */
    public Instant requiredInstant(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return null;
        }
        return instant(field);
    }

    public Instant instant(String field) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber() && value.asDouble() > 0) {
            return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
        }
        if (value.isTextual()) {
            try {
                return Timestamps.parse(value.asText());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problem(field, "must be an ISO-8601 UTC timestamp such as 2026-04-04T10:30:05Z, or epoch seconds");
        return null;
    }

    public List<String> textList(String field) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        if (!value.isArray()) {
            problem(field, "must be an array of strings");
            return null;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                problem(field, "must be an array of strings");
                return null;
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** A nested JSON object, kept as it is (e.g. decoded ACARS content, metadata). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        JsonNode value = value(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        return Json.mapper().convertValue(value, Map.class);
    }

    public JsonNode raw(String field) {
        return value(field);
    }

    public void problem(String field, String detail) {
        problems.add(new FieldProblem(pointer + "/" + field, detail));
    }

    private JsonNode value(String field) {
        return node != null && node.isObject() ? node.get(field) : null;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
