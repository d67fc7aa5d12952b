package io.streamgate.safety.alerts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.AlertRule.Area;
import io.streamgate.platform.alerts.AlertRule.Conditions;
import io.streamgate.platform.alerts.AlertRule.Range;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;

/**
 * Reads a rule from a request body, collecting every problem (a JSON Pointer and a reason each) so that
 * one 422 names all bad fields. Reads the JSON tree rather than binding it: a wrong type must be a named
 * field problem, not a generic 400.
 *
 * <p>Body: {@code {name, enabled?, priority?, cooldown?, conditions: {altitude?: {min?, max?}, squawk?: [..],
 * callsign?, hex?, registration?, category?: [..], military?, distance?: {lat, lon, max_nm}, speed?: {min?,
 * max?}}}}. {@code id}, {@code owner}, {@code created_at} and {@code updated_at} are ignored, so a rule read
 * from the API can be sent back; any other field is refused, so a misspelt condition is not silently
 * dropped.
 */
public final class RuleRequestParser {

    private static final Set<String> TOP_LEVEL = Set.of("name", "enabled", "priority", "cooldown", "conditions");
    private static final Set<String> IGNORED = Set.of("id", "owner", "created_at", "updated_at");
    private static final Set<String> CONDITIONS = Set.of("altitude", "squawk", "callsign", "hex", "registration",
            "category", "military", "distance", "speed");
    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Da-d][0-7]");
    /** Wider than any aircraft flies or any airfield lies, to catch unit mistakes (metres, flight levels). */
    private static final double MIN_ALTITUDE = -2_000;
    private static final double MAX_ALTITUDE = 100_000;
    private static final double MAX_SPEED = 5_000;

    private final AlertsConfig.Rules limits;

    public RuleRequestParser(AlertsConfig.Rules limits) {
        this.limits = limits;
    }

    /** @throws InvalidRequestException naming every bad field */
    public RuleDraft parse(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new FieldProblem("", "expected a JSON object {name, conditions, …}")));
        }
        unknownFields(body, "", TOP_LEVEL, IGNORED, "unknown field", problems);

        String name = null;
        JsonNode nameNode = body.get("name");
        if (absent(nameNode)) {
            problems.add(new FieldProblem("/name", "is required"));
        } else if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            problems.add(new FieldProblem("/name", "must be a non-empty string"));
        } else if (nameNode.asText().strip().length() > limits.maxNameLength()) {
            problems.add(new FieldProblem("/name", "must be at most " + limits.maxNameLength() + " characters"));
        } else {
            name = nameNode.asText().strip();
        }

        boolean enabled = true;
        JsonNode enabledNode = body.get("enabled");
        if (!absent(enabledNode)) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.booleanValue();
            } else {
                problems.add(new FieldProblem("/enabled", "must be true or false"));
            }
        }

        String priority = "medium";
        JsonNode priorityNode = body.get("priority");
        if (!absent(priorityNode)) {
            if (priorityNode.isTextual() && AlertRule.PRIORITIES.contains(priorityNode.asText())) {
                priority = priorityNode.asText();
            } else {
                problems.add(new FieldProblem("/priority", "must be one of " + AlertRule.PRIORITIES));
            }
        }

        int cooldown = limits.defaultCooldown();
        JsonNode cooldownNode = body.get("cooldown");
        if (!absent(cooldownNode)) {
            if (cooldownNode.isIntegralNumber() && cooldownNode.canConvertToInt() && cooldownNode.intValue() >= 1
                    && cooldownNode.intValue() <= limits.maxCooldown()) {
                cooldown = cooldownNode.intValue();
            } else {
                problems.add(new FieldProblem("/cooldown",
                        "must be a whole number of seconds from 1 to " + limits.maxCooldown()));
            }
        }

        Conditions conditions = conditions(body.get("conditions"), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new RuleDraft(name, enabled, priority, cooldown, conditions);
    }

    private Conditions conditions(JsonNode node, List<FieldProblem> problems) {
        if (absent(node)) {
            problems.add(new FieldProblem("/conditions", "is required"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("/conditions", "must be an object"));
            return null;
        }
        unknownFields(node, "/conditions", CONDITIONS, Set.of(), "unknown condition", problems);
        boolean any = false;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            any |= CONDITIONS.contains(field) && !absent(node.get(field));
        }
        if (!any) {
            problems.add(new FieldProblem("/conditions", "needs at least one condition of " + CONDITIONS
                    + ": a rule without one would match every aircraft"));
        }
        Range altitude = range(node.get("altitude"), "/conditions/altitude", MIN_ALTITUDE, MAX_ALTITUDE, problems);
        Range speed = range(node.get("speed"), "/conditions/speed", 0, MAX_SPEED, problems);
        List<String> squawk = codes(node.get("squawk"), "/conditions/squawk", SQUAWK, "four octal digits",
                problems);
        List<String> category = codes(node.get("category"), "/conditions/category", CATEGORY,
                "an emitter category A0–D7", problems);
        String callsign = glob(node.get("callsign"), "/conditions/callsign", problems);
        String hex = glob(node.get("hex"), "/conditions/hex", problems);
        String registration = glob(node.get("registration"), "/conditions/registration", problems);
        Boolean military = null;
        JsonNode militaryNode = node.get("military");
        if (!absent(militaryNode)) {
            if (militaryNode.isBoolean()) {
                military = militaryNode.booleanValue();
            } else {
                problems.add(new FieldProblem("/conditions/military", "must be true or false"));
            }
        }
        Area distance = area(node.get("distance"), problems);
        return new Conditions(altitude, squawk, callsign, hex, registration, category, military, distance, speed);
    }

    private static Range range(JsonNode node, String pointer, double lowest, double highest,
            List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an object {min?, max?}"));
            return null;
        }
        int before = problems.size();
        unknownFields(node, pointer, Set.of("min", "max"), Set.of(), "unknown field", problems);
        Double min = bound(node.get("min"), pointer + "/min", lowest, highest, problems);
        Double max = bound(node.get("max"), pointer + "/max", lowest, highest, problems);
        if (problems.size() > before) {
            return null;
        }
        if (min == null && max == null) {
            problems.add(new FieldProblem(pointer, "needs min, max or both"));
            return null;
        }
        if (min != null && max != null && min > max) {
            problems.add(new FieldProblem(pointer, "min must not be greater than max"));
            return null;
        }
        return new Range(min, max);
    }

    private static Double bound(JsonNode node, String pointer, double lowest, double highest,
            List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber() || !(node.doubleValue() >= lowest && node.doubleValue() <= highest)) {
            problems.add(new FieldProblem(pointer, "must be a number from " + (long) lowest + " to " + (long) highest));
            return null;
        }
        return node.doubleValue();
    }

    private List<String> codes(JsonNode node, String pointer, Pattern format, String what,
            List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new FieldProblem(pointer, "must be a non-empty list"));
            return null;
        }
        if (node.size() > limits.maxListSize()) {
            problems.add(new FieldProblem(pointer, "must have at most " + limits.maxListSize() + " entries"));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && format.matcher(item.asText()).matches()) {
                values.add(item.asText().toUpperCase(Locale.ROOT));
            } else {
                problems.add(new FieldProblem(pointer + "/" + i, "must be " + what));
            }
        }
        return values.size() == node.size() ? List.copyOf(values) : null;
    }

    private String glob(JsonNode node, String pointer, List<FieldProblem> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(pointer, "must be a string (a glob pattern: * and ?)"));
            return null;
        }
        Optional<String> problem = GlobPattern.problem(node.asText(), limits.maxPatternLength());
        problem.ifPresent(reason -> problems.add(new FieldProblem(pointer, reason)));
        return problem.isPresent() ? null : node.asText();
    }

    private Area area(JsonNode node, List<FieldProblem> problems) {
        String pointer = "/conditions/distance";
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem(pointer, "must be an object {lat, lon, max_nm}"));
            return null;
        }
        unknownFields(node, pointer, Set.of("lat", "lon", "max_nm"), Set.of(), "unknown field", problems);
        Double lat = required(node.get("lat"), pointer + "/lat", -90, 90, "a latitude from -90 to 90", problems);
        Double lon = required(node.get("lon"), pointer + "/lon", -180, 180, "a longitude from -180 to 180",
                problems);
        Double maxNm = required(node.get("max_nm"), pointer + "/max_nm", 0, limits.maxDistance(),
                "a distance in nautical miles above 0 and at most " + limits.maxDistance(), problems);
        if (maxNm != null && maxNm <= 0) {
            problems.add(new FieldProblem(pointer + "/max_nm", "must be above 0"));
            return null;
        }
        return lat == null || lon == null || maxNm == null ? null : new Area(lat, lon, maxNm);
    }

    private static Double required(JsonNode node, String pointer, double lowest, double highest, String what,
            List<FieldProblem> problems) {
        if (absent(node)) {
            problems.add(new FieldProblem(pointer, "is required"));
            return null;
        }
        if (!node.isNumber() || !(node.doubleValue() >= lowest && node.doubleValue() <= highest)) {
            problems.add(new FieldProblem(pointer, "must be " + what));
            return null;
        }
        return node.doubleValue();
    }

    private static void unknownFields(JsonNode node, String pointer, Set<String> known, Set<String> ignored,
            String reason, List<FieldProblem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!known.contains(field) && !ignored.contains(field)) {
                problems.add(new FieldProblem(pointer + "/" + field.replace("~", "~0").replace("/", "~1"), reason));
            }
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static InvalidRequestException invalid(List<FieldProblem> problems) {
        return new InvalidRequestException("the alert rule is invalid", problems);
    }
}
