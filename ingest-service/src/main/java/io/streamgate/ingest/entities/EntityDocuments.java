package io.streamgate.ingest.entities;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.platform.entities.NgsiAttribute;

/**
 * Reads NGSI v2 normalized request bodies. Every problem is collected, so that one 422 names each bad field
 * by JSON Pointer; a body is accepted whole or not at all.
 */
public final class EntityDocuments {

    /** The type NGSI v2 gives an entity created without one. */
    public static final String DEFAULT_ENTITY_TYPE = "Thing";

    /**
     * A create request.
     *
     * @param attributes in request order
     */
    public record NewEntity(String id, String type, Map<String, NgsiAttribute> attributes) {
    }

    private EntityDocuments() {
    }

    /** Reads {@code {id, type?, <attr>: {type?, value}, …}}. */
    public static NewEntity entity(JsonNode document, int maxAttributes) {
        List<FieldProblem> problems = new ArrayList<>();
        requireObject(document, "an entity");
        String id = identifier(document.get("id"), "/id", true, problems);
        String type = identifier(document.get("type"), "/type", false, problems);
        Map<String, NgsiAttribute> attributes = attributes(document, true, problems);
        if (attributes.size() > maxAttributes) {
            problems.add(new FieldProblem("", "an entity may have at most " + maxAttributes
                    + " attributes, this one has " + attributes.size()));
        }
        reject(problems, "the entity");
        return new NewEntity(id, type == null ? DEFAULT_ENTITY_TYPE : type, attributes);
    }

    /**
     * Reads {@code {<attr>: {type?, value}, …}}, the body of the {@code /attrs} operations. The limit on the
     * entity's attribute count is checked against the result of the operation, not here.
     */
    public static Map<String, NgsiAttribute> attributes(JsonNode document) {
        List<FieldProblem> problems = new ArrayList<>();
        requireObject(document, "an attribute map");
        Map<String, NgsiAttribute> attributes = attributes(document, false, problems);
        reject(problems, "the attributes");
        return attributes;
    }

    /** NGSI v2's default attribute type for a value sent without one. */
    public static String defaultType(JsonNode value) {
        if (value.isNumber()) {
            return "Number";
        }
        if (value.isTextual()) {
            return "Text";
        }
        if (value.isBoolean()) {
            return "Boolean";
        }
        if (value.isNull()) {
            return "None";
        }
        return "StructuredValue";
    }

    private static Map<String, NgsiAttribute> attributes(JsonNode document, boolean entityFieldsAllowed,
            List<FieldProblem> problems) {
        Map<String, NgsiAttribute> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String pointer = "/" + escape(name);
            if ("id".equals(name) || "type".equals(name)) {
                if (!entityFieldsAllowed) {
                    problems.add(new FieldProblem(pointer, "the entity " + name + " is not an attribute and cannot "
                            + "be changed"));
                }
                continue;
            }
            Optional<String> nameProblem = NgsiSyntax.attributeNameProblem(name);
            if (nameProblem.isPresent()) {
                problems.add(new FieldProblem(pointer, "attribute name " + nameProblem.get()));
                continue;
            }
            attribute(field.getValue(), pointer, problems).ifPresent(a -> attributes.put(name, a));
        }
        return attributes;
    }

    private static Optional<NgsiAttribute> attribute(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an attribute object {\"type\": …, \"value\": …}"));
            return Optional.empty();
        }
        int before = problems.size();
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!"type".equals(key) && !"value".equals(key) && !"metadata".equals(key)) {
                problems.add(new FieldProblem(pointer + "/" + escape(key), "is not part of an NGSI attribute "
                        + "(type, value, metadata)"));
            }
        }
        JsonNode value = node.get("value");
        if (value == null) {
            problems.add(new FieldProblem(pointer + "/value", "is required"));
        }
        String type = identifier(node.get("type"), pointer + "/type", false, problems);
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !(metadata.isObject() && metadata.isEmpty())) {
            // Refused rather than dropped: a client that sends metadata expects to read it back.
            problems.add(new FieldProblem(pointer + "/metadata", "attribute metadata is not supported; send {} or "
                    + "leave it out"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NgsiAttribute(type == null ? defaultType(value) : type, value));
    }

    /** A string identifier; absent or null is fine when optional, anything else must pass NGSI's syntax. */
    private static String identifier(JsonNode node, String pointer, boolean required, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new FieldProblem(pointer, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(pointer, "must be a string"));
            return null;
        }
        Optional<String> problem = NgsiSyntax.identifierProblem(node.asText());
        problem.ifPresent(p -> problems.add(new FieldProblem(pointer, p)));
        return problem.isPresent() ? null : node.asText();
    }

    private static void requireObject(JsonNode document, String what) {
        if (document == null || !document.isObject()) {
            throw new InvalidRequestException("the body is not " + what,
                    List.of(new FieldProblem("", "expected a JSON object")));
        }
    }

    private static void reject(List<FieldProblem> problems, String what) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() + " problem(s) in " + what, problems);
        }
    }

    /** RFC 6901: '~' and '/' are escaped in a JSON Pointer token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
