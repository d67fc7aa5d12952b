package io.streamgate.ingest.entities;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.ingest.entities.EntityDocuments.NewEntity;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;

/**
 * A {@code POST /v2/op/update} body, {@code {"actionType": …, "entities": [ … ]}}, checked whole before any
 * entity is applied: a batch with one malformed entity applies none of them.
 */
public record EntityBatch(List<Operation> operations) {

    /**
     * One entity of the batch.
     *
     * @param entity         id, type (Thing when the request named none) and attributes in request order
     * @param requestedType  the type the request named, or null: only then may an existing entity's type differ
     * @param attributeNames for {@code delete}: the attributes to remove; empty removes the entity
     */
    public record Operation(Kind kind, NewEntity entity, String requestedType, Set<String> attributeNames) {

        /** NGSI v2's actionType values, by their wire names. */
        public enum Kind {
            APPEND("append"), APPEND_STRICT("appendStrict"), UPDATE("update"), REPLACE("replace"),
            DELETE("delete");

            private final String wire;

            Kind(String wire) {
                this.wire = wire;
            }

            static Kind of(String wire) {
                for (Kind kind : values()) {
                    // Orion accepts the names in any letter case.
                    if (kind.wire.toLowerCase(Locale.ROOT).equals(wire.toLowerCase(Locale.ROOT))) {
                        return kind;
                    }
                }
                return null;
            }

            static List<String> names() {
                return java.util.Arrays.stream(values()).map(k -> k.wire).toList();
            }
        }
    }

    public static EntityBatch read(JsonNode document, int maxAttributes, int maxEntities) {
        if (document == null || !document.isObject()) {
            throw NgsiProblemException.badRequest("the body must be an object {\"actionType\": …, \"entities\": […]}");
        }
        JsonNode action = document.get("actionType");
        Operation.Kind kind = action != null && action.isTextual() ? Operation.Kind.of(action.asText()) : null;
        if (kind == null) {
            throw NgsiProblemException.badRequest("actionType must be one of " + Operation.Kind.names());
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!"actionType".equals(name) && !"entities".equals(name)) {
                throw NgsiProblemException.badRequest("unexpected field '" + name + "'; a batch has actionType and "
                        + "entities");
            }
        }
        JsonNode list = document.get("entities");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw NgsiProblemException.badRequest("entities must be a non-empty array");
        }
        if (list.size() > maxEntities) {
            throw NgsiProblemException.tooLarge("a batch may name at most " + maxEntities + " entities; this one names "
                    + list.size());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Operation> operations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/entities/" + i;
            try {
                Operation operation = operation(kind, list.get(i), maxAttributes);
                operations.add(operation);
                if (!seen.add(operation.entity().id())) {
                    // Applied in order this would be well defined, but it is almost always a client's mistake and
                    // Orion refuses it too.
                    problems.add(new FieldProblem(pointer + "/id", "entity '" + operation.entity().id()
                            + "' is named more than once in the batch"));
                }
            } catch (InvalidRequestException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem(pointer + p.pointer(), p.detail())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() + " problem(s) in the batch; no entity was applied",
                    problems);
        }
        return new EntityBatch(List.copyOf(operations));
    }

    private static Operation operation(Operation.Kind kind, JsonNode node, int maxAttributes) {
        String requestedType = node != null && node.isObject() && node.hasNonNull("type") && node.get("type").isTextual()
                ? node.get("type").asText() : null;
        if (kind != Operation.Kind.DELETE) {
            NewEntity entity = EntityDocuments.entity(node, maxAttributes);
            return new Operation(kind, entity, requestedType, Set.of());
        }
        // A delete names attributes by key only ({"temperature": {}}); their content is not read.
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("not an entity", List.of(new FieldProblem("", "expected a JSON object")));
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual()) {
            problems.add(new FieldProblem("/id", "is required and must be a string"));
        } else {
            NgsiSyntax.identifierProblem(id.asText()).ifPresent(p -> problems.add(new FieldProblem("/id", p)));
        }
        if (requestedType != null) {
            NgsiSyntax.identifierProblem(requestedType).ifPresent(p -> problems.add(new FieldProblem("/type", p)));
        } else if (node.has("type") && !node.get("type").isNull()) {
            problems.add(new FieldProblem("/type", "must be a string"));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            String name = fields.next().getKey();
            if ("id".equals(name) || "type".equals(name)) {
                continue;
            }
            NgsiSyntax.attributeNameProblem(name).ifPresentOrElse(
                    p -> problems.add(new FieldProblem("/" + EntityDocuments.escape(name), "attribute name " + p)),
                    () -> names.add(name));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("bad entity", problems);
        }
        NewEntity entity = new NewEntity(id.asText(), requestedType == null ? EntityDocuments.DEFAULT_ENTITY_TYPE
                : requestedType, Map.of());
        return new Operation(kind, entity, requestedType, Set.copyOf(names));
    }
}
