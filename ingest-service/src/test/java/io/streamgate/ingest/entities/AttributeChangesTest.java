package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.json.Json;

class AttributeChangesTest {

    private final Map<String, NgsiAttribute> room = attrs("""
            {"temperature": {"type": "Number", "value": 23.5}, "name": {"type": "Text", "value": "Lobby"},
             "location": {"type": "StructuredValue", "value": {"lat": 1, "lon": 2}}}""");

    @Test
    void onlyAttributesWhoseTypeOrValueChangedAreNamed() {
        AttributeChanges.Result result = AttributeChanges.append(room, attrs("""
                {"temperature": {"type": "Number", "value": 24}, "name": {"type": "Text", "value": "Lobby"},
                 "humidity": {"type": "Number", "value": 40}}"""), false, 100);

        assertEquals(List.of("temperature", "humidity"), result.changed());
        assertEquals(List.of("temperature", "name", "location", "humidity"), List.copyOf(result.attributes().keySet()),
                "existing attributes keep their place, new ones are appended");
        assertEquals(24, result.attributes().get("temperature").value().asInt());
    }

    @Test
    void aTypeChangeAloneIsAChange() {
        assertEquals(List.of("temperature"), AttributeChanges.update(room,
                attrs("{\"temperature\": {\"type\": \"Celsius\", \"value\": 23.5}}")).changed());
    }

    @Test
    void equalJsonIsNoChangeWhateverItsSpelling() {
        AttributeChanges.Result result = AttributeChanges.update(room, attrs("""
                {"temperature": {"type": "Number", "value": 23.50},
                 "location": {"type": "StructuredValue", "value": {"lon": 2.0, "lat": 1}}}"""));

        assertFalse(result.changedAnything(), "23.50 is 23.5, and key order and 2.0 vs 2 are not changes");
        assertEquals(List.of(), result.changed());
    }

    @Test
    void aNestedValueChangeIsAChange() {
        assertEquals(List.of("location"), AttributeChanges.update(room, attrs(
                "{\"location\": {\"type\": \"StructuredValue\", \"value\": {\"lat\": 1, \"lon\": 3}}}")).changed());
    }

    @Test
    void nullAndTheStringNullAreDifferentValues() {
        Map<String, NgsiAttribute> before = attrs("{\"x\": {\"type\": \"Text\", \"value\": null}}");
        assertEquals(List.of("x"), AttributeChanges.update(before,
                attrs("{\"x\": {\"type\": \"Text\", \"value\": \"null\"}}")).changed());
    }

    @Test
    void patchRefusesWholeWhenAnAttributeDoesNotExist() {
        NgsiProblemException e = assertThrows(NgsiProblemException.class, () -> AttributeChanges.update(room,
                attrs("{\"temperature\": {\"value\": 1}, \"pressure\": {\"value\": 1}}")));
        assertEquals(422, e.status());
        assertEquals("Unprocessable", e.error());
        assertTrue(e.getMessage().contains("[pressure]"), e.getMessage());
    }

    @Test
    void strictAppendRefusesExistingAttributesByName() {
        NgsiProblemException e = assertThrows(NgsiProblemException.class, () -> AttributeChanges.append(room,
                attrs("{\"name\": {\"value\": \"x\"}, \"new\": {\"value\": 1}}"), true, 100));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("[name]"), e.getMessage());
    }

    @Test
    void replaceNamesAddedChangedAndRemovedAttributes() {
        AttributeChanges.Result result = AttributeChanges.replace(room, attrs("""
                {"name": {"type": "Text", "value": "Lobby"}, "temperature": {"type": "Number", "value": 19},
                 "co2": {"type": "Number", "value": 400}}"""), 100);

        assertEquals(List.of("temperature", "co2", "location"), result.changed(),
                "changed and added in request order, then removed");
        assertEquals(List.of("name", "temperature", "co2"), List.copyOf(result.attributes().keySet()));
    }

    @Test
    void replacingWithTheSameAttributesChangesNothing() {
        assertFalse(AttributeChanges.replace(room, new LinkedHashMap<>(room), 100).changedAnything());
    }

    @Test
    void theAttributeLimitAppliesToTheResultingEntity() {
        NgsiProblemException e = assertThrows(NgsiProblemException.class,
                () -> AttributeChanges.append(room, attrs("{\"more\": {\"value\": 1}}"), false, 3));
        assertEquals(422, e.status());
        assertEquals(3, AttributeChanges.append(room, attrs("{\"name\": {\"value\": \"x\"}}"), false, 3)
                .attributes().size(), "overwriting does not count against the limit");
    }

    private static Map<String, NgsiAttribute> attrs(String json) {
        try {
            return EntityDocuments.attributes(Json.mapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
