package io.streamgate.ingest.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.entities.NgsiAttribute;

/**
 * What the three {@code /attrs} operations make of an entity's attributes, and which attribute names that
 * changes. Pure, so that {@code changedAttributes} is decided in one place and tested without Redis.
 */
public final class AttributeChanges {

    /**
     * The attributes after an operation, and the names it changed.
     *
     * @param attributes in entity order
     * @param changed    added, removed, or with another type or value; empty when the operation changed nothing
     */
    public record Result(Map<String, NgsiAttribute> attributes, List<String> changed) {

        public boolean changedAnything() {
            return !changed.isEmpty();
        }
    }

    /**
     * Leaf comparison that treats {@code 1} and {@code 1.0} as the same value: JSON does not distinguish them,
     * and announcing a change a client cannot see would be noise. Containers are compared by Jackson, which
     * ignores object key order.
     */
    private static final Comparator<JsonNode> JSON_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
    };

    private AttributeChanges() {
    }

    /**
     * {@code POST /attrs}: adds new attributes and overwrites existing ones.
     *
     * @param strict {@code options=append}: refuse, naming them, when any attribute already exists
     */
    public static Result append(Map<String, NgsiAttribute> current, Map<String, NgsiAttribute> request,
            boolean strict, int maxAttributes) {
        if (strict) {
            List<String> existing = request.keySet().stream().filter(current::containsKey).toList();
            if (!existing.isEmpty()) {
                throw NgsiProblemException.unprocessable("Already Exists: " + existing
                        + " (options=append only adds new attributes)");
            }
        }
        Map<String, NgsiAttribute> result = new LinkedHashMap<>(current);
        result.putAll(request);
        checkLimit(result, maxAttributes);
        return new Result(result, changed(current, result));
    }

    /** {@code PATCH /attrs}: updates existing attributes only; refuses whole when one does not exist. */
    public static Result update(Map<String, NgsiAttribute> current, Map<String, NgsiAttribute> request) {
        List<String> missing = request.keySet().stream().filter(name -> !current.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw NgsiProblemException.unprocessable("one or more of the attributes in the request do not exist: "
                    + missing);
        }
        Map<String, NgsiAttribute> result = new LinkedHashMap<>(current);
        result.putAll(request);
        return new Result(result, changed(current, result));
    }

    /** {@code PUT /attrs}: the request becomes the whole attribute set. */
    public static Result replace(Map<String, NgsiAttribute> current, Map<String, NgsiAttribute> request,
            int maxAttributes) {
        Map<String, NgsiAttribute> result = new LinkedHashMap<>(request);
        checkLimit(result, maxAttributes);
        return new Result(result, changed(current, result));
    }

    /** Batch {@code delete} naming attributes: removes them; refuses whole when one does not exist. */
    public static Result remove(Map<String, NgsiAttribute> current, Set<String> names) {
        List<String> missing = names.stream().filter(name -> !current.containsKey(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw NgsiProblemException.unprocessable("one or more of the attributes in the request do not exist: "
                    + missing);
        }
        Map<String, NgsiAttribute> result = new LinkedHashMap<>(current);
        result.keySet().removeAll(names);
        return new Result(result, changed(current, result));
    }

    /**
     * The names whose attribute differs between {@code before} and {@code after}: first those of {@code after}
     * in its order (new, or another type or value), then those only {@code before} had (removed).
     */
    public static List<String> changed(Map<String, NgsiAttribute> before, Map<String, NgsiAttribute> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((name, attribute) -> {
            NgsiAttribute old = before.get(name);
            if (old == null || !same(old, attribute)) {
                changed.add(name);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(changed::add);
        return List.copyOf(changed);
    }

    /** Same type and the same JSON value. */
    public static boolean same(NgsiAttribute a, NgsiAttribute b) {
        return a.type().equals(b.type()) && a.value().equals(JSON_VALUE, b.value());
    }

    private static void checkLimit(Map<String, NgsiAttribute> result, int maxAttributes) {
        if (result.size() > maxAttributes) {
            throw NgsiProblemException.unprocessable("an entity may have at most " + maxAttributes
                    + " attributes; this change would make " + result.size());
        }
    }
}
