package io.streamgate.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import io.streamgate.platform.json.Json;

/**
 * What a stranger can make of a valid client message: random text, the message cut anywhere, nesting deep
 * enough to break a recursive reader, one value swapped for a wrong-typed or boundary one, a value grown
 * large. Text, since a WebSocket text message is text (invalid UTF-8 is a separate, framing-level test).
 */
public final class FuzzedMessages {

    private static final String MARK = "\"__fuzz_slot__\"";
    private static final Map<String, List<String>> SLOTS = new ConcurrentHashMap<>();

    private FuzzedMessages() {
    }

    /** Every kind of bad message below, built from {@code valid}. */
    public static Arbitrary<String> around(String valid) {
        return Arbitraries.frequencyOf(Tuple.of(2, randomText()), Tuple.of(2, truncated(valid)),
                Tuple.of(2, deeplyNested(valid)), Tuple.of(5, oneValueReplaced(valid)), Tuple.of(1, oversized(valid)));
    }

    public static Arbitrary<String> randomText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtruefalsn \\").ofMaxLength(300));
    }

    public static Arbitrary<String> truncated(String valid) {
        return Arbitraries.integers().between(0, valid.length() - 1).map(cut -> valid.substring(0, cut));
    }

    public static Arbitrary<String> deeplyNested(String valid) {
        Arbitrary<Integer> depth = Arbitraries.oneOf(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(900, 1100), Arbitraries.integers().between(5_000, 50_000));
        return Combinators.combine(depth, Arbitraries.of(true, false), Arbitraries.integers().between(0, 1000),
                Arbitraries.of(true, false)).as((levels, arrays, slot, closed) -> {
                    String open = arrays ? "[" : "{\"a\":";
                    String close = arrays ? "]" : "}";
                    String nested = open.repeat(levels) + "1" + (closed ? close.repeat(levels) : "");
                    List<String> slots = slots(valid);
                    return slots.isEmpty() || slot % 3 == 0 ? nested : slots.get(slot % slots.size()).replace(MARK, nested);
                });
    }

    public static Arbitrary<String> oneValueReplaced(String valid) {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), oddValues())
                .as((slot, value) -> slots(valid).get(slot % slots(valid).size()).replace(MARK, value));
    }

    public static Arbitrary<String> oversized(String valid) {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(10_000, 200_000), Arbitraries.of("x", "é", "9"))
                .as((slot, length, unit) -> {
                    String value = unit.equals("9") ? "9".repeat(length) : "\"" + unit.repeat(length) + "\"";
                    return slots(valid).get(slot % slots(valid).size()).replace(MARK, value);
                });
    }

    /** JSON texts of the wrong type, or at the edges of every range a field could have. */
    public static Arbitrary<String> oddValues() {
        return Arbitraries.oneOf(Arbitraries.of("null", "true", "false", "0", "-0", "-1", "1", "0.5", "90",
                "90.0000001", "-180.0000001", "1e308", "-1e308", "1e309", "-1e309", "4.9e-324", "1E400",
                "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648",
                "123456789012345678901234567890", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"NaN\"",
                "\"Infinity\"", "\"-1\"", "\"1e999\"", "\"2026-13-45T99:99:99Z\"",
                "\"+999999999-12-31T23:59:59.999999999Z\"", "\"all\"", "\"*\"", "\"(a+)+b\"", "\"\\uD83D\\uDE80\"",
                "\"<script>\"", "[]", "{}", "[null]", "[[1]]", "{\"a\":{}}", "[\"x\",1,null]",
                "\"" + "a".repeat(300) + "\""),
                Arbitraries.strings().ofMaxLength(40).map(FuzzedMessages::quoted),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "0"),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.integers().between(1, 2000).map(n -> "[" + "\"a\",".repeat(n) + "\"b\"]"));
    }

    public static String quoted(String text) {
        return new String(Json.encode(text), StandardCharsets.UTF_8);
    }

    /** For failure messages: a short, printable form of a message. */
    public static String describe(String message) {
        return message.length() + " chars: " + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    }

    private static List<String> slots(String valid) {
        return SLOTS.computeIfAbsent(valid, FuzzedMessages::valueSlots);
    }

    /** The document re-encoded once per value, that value replaced by a marker. */
    private static List<String> valueSlots(String valid) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(valid);
        } catch (Exception e) {
            return List.of();
        }
        List<String> slots = new ArrayList<>();
        collect(root, root, slots);
        return slots;
    }

    private static void collect(JsonNode root, JsonNode node, List<String> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode kept = object.get(name);
                object.set(name, JsonNodeFactory.instance.textNode("__fuzz_slot__"));
                slots.add(root.toString());
                object.set(name, kept);
                collect(root, kept, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode kept = array.get(i);
                array.set(i, JsonNodeFactory.instance.textNode("__fuzz_slot__"));
                slots.add(root.toString());
                array.set(i, kept);
                collect(root, kept, slots);
            }
        }
    }
}
