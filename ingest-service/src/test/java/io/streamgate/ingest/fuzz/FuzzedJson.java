package io.streamgate.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import io.streamgate.platform.json.Json;

/**
 * What a stranger can make of a valid request body: random bytes, the body cut anywhere, invalid UTF-8
 * inside it, nesting deep enough to break a recursive reader, one value swapped for a wrong-typed or
 * boundary one, a field grown huge. Every generator starts from a real body, so most inputs get past the
 * first check and reach the field readers.
 */
public final class FuzzedJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final java.util.Map<String, List<String>> SLOTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Byte sequences no UTF-8 decoder may accept: stray continuation, overlong '/', a surrogate, 0xFF. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    private FuzzedJson() {
    }

    /** Every kind of bad body below, built from {@code valid}. */
    public static Arbitrary<byte[]> around(String valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, randomBytes()),
                net.jqwik.api.Tuple.of(2, truncated(valid)),
                net.jqwik.api.Tuple.of(2, invalidUtf8(valid)),
                net.jqwik.api.Tuple.of(2, deeplyNested(valid)),
                net.jqwik.api.Tuple.of(5, oneValueReplaced(valid)),
                net.jqwik.api.Tuple.of(1, oversizedValue(valid)));
    }

    public static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    public static Arbitrary<byte[]> truncated(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.integers().between(0, bytes.length - 1).map(cut -> Arrays.copyOf(bytes, cut));
    }

    public static Arbitrary<byte[]> invalidUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, bytes.length),
                Arbitraries.of(INVALID_UTF8), Arbitraries.of(true, false)).as((at, bad, inString) -> {
                    int position = at;
                    if (inString) {
                        // Just after an opening quote, so the bytes land inside a string value or name.
                        int quote = valid.indexOf('"', Math.min(at, valid.length()));
                        position = quote < 0 ? at : quote + 1;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(bytes, 0, Math.min(position, bytes.length));
                    out.writeBytes(bad);
                    out.write(bytes, Math.min(position, bytes.length), bytes.length - Math.min(position, bytes.length));
                    return out.toByteArray();
                });
    }

    /** Nesting from well within Jackson's limit to far past it, alone or as the value of a field. */
    public static Arbitrary<byte[]> deeplyNested(String valid) {
        Arbitrary<Integer> depth = Arbitraries.oneOf(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(900, 1100), Arbitraries.integers().between(5_000, 100_000));
        return Combinators.combine(depth, Arbitraries.of(true, false), Arbitraries.integers().between(0, 1000),
                Arbitraries.of(true, false)).as((levels, arrays, slot, closed) -> {
                    List<String> slots = SLOTS.computeIfAbsent(valid, FuzzedJson::valueSlots);
                    String open = arrays ? "[" : "{\"a\":";
                    String close = arrays ? "]" : "}";
                    String nested = open.repeat(levels) + "1" + (closed ? close.repeat(levels) : "");
                    if (slots.isEmpty() || slot % 3 == 0) {
                        return nested.getBytes(StandardCharsets.UTF_8);
                    }
                    return replaceRaw(slots.get(slot % slots.size()), nested);
                });
    }

    /** One value anywhere in the document replaced by a wrong-typed or boundary value. */
    public static Arbitrary<byte[]> oneValueReplaced(String valid) {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), oddValues()).as((slot, value) -> {
            List<String> slots = SLOTS.computeIfAbsent(valid, FuzzedJson::valueSlots);
            return replaceRaw(slots.get(slot % slots.size()), value);
        });
    }

    public static Arbitrary<byte[]> oversizedValue(String valid) {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(10_000, 200_000), Arbitraries.of("x", "é", "\\u0000", "9"))
                .as((slot, length, unit) -> {
                    List<String> slots = SLOTS.computeIfAbsent(valid, FuzzedJson::valueSlots);
                    String value = unit.equals("9") ? "9".repeat(length)
                            : "\"" + unit.repeat(length / unit.length()) + "\"";
                    return replaceRaw(slots.get(slot % slots.size()), value);
                });
    }

    /** JSON texts of the wrong type, or at the edges of every range a field could have. */
    public static Arbitrary<String> oddValues() {
        return Arbitraries.oneOf(Arbitraries.of("null", "true", "false", "0", "-0", "-1", "1", "0.5", "-0.0",
                "90", "90.0000001", "-90.0000001", "180", "180.0000001", "-180.0000001", "360", "1e308", "-1e308",
                "1e309", "4.9e-324", "1E400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                "2147483647", "2147483648", "-2147483649", "123456789012345678901234567890",
                "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"1e999\"",
                "\"2026-13-45T99:99:99Z\"", "\"+999999999-12-31T23:59:59.999999999Z\"",
                "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
                "\"2026-04-04T10:30:05+02:00\"", "\"ground\"", "\"\\uD83D\\uDE80\"", "\"<script>\"",
                "\"a\\\"b'c;d=e(f)\"", "[]", "{}", "[null]", "[[1]]", "{\"a\":{}}", "[\"x\",1,null]",
                "\"" + "a".repeat(300) + "\""),
                Arbitraries.strings().ofMaxLength(40).map(s -> new String(Json.encode(s), StandardCharsets.UTF_8)),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "0"),
                Arbitraries.longs().map(l -> Long.toString(l)));
    }

    /**
     * The raw text of every value in {@code valid}, found by re-encoding the parsed tree: each entry is
     * the re-encoded document with one value marked, so a replacement lands exactly there.
     */
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

    private static final String MARK = "\"__fuzz_slot__\"";

    private static void collect(JsonNode root, JsonNode node, List<String> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode kept = object.get(name);
                object.set(name, NODES.textNode("__fuzz_slot__"));
                slots.add(root.toString());
                object.set(name, kept);
                collect(root, kept, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode kept = array.get(i);
                array.set(i, NODES.textNode("__fuzz_slot__"));
                slots.add(root.toString());
                array.set(i, kept);
                collect(root, kept, slots);
            }
        }
    }

    private static byte[] replaceRaw(String marked, String value) {
        return marked.replace(MARK, value).getBytes(StandardCharsets.UTF_8);
    }

    /** For reports: a short, printable form of an input. */
    public static String describe(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        return body.length + " bytes: " + text + (body.length > 160 ? "…" : "");
    }
}
