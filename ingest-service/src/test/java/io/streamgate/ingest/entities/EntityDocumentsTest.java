package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.ingest.entities.EntityDocuments.NewEntity;
import io.streamgate.platform.problem.FieldProblem;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.json.Json;

class EntityDocumentsTest {

    @Test
    void attributeTypesDefaultByJsonTypeAsNgsiDoes() {
        NewEntity entity = EntityDocuments.entity(json("""
                {"id": "r1", "type": "Room",
                 "n": {"value": 1.5}, "t": {"value": "x"}, "b": {"value": true}, "o": {"value": {"a": 1}},
                 "a": {"value": [1, 2]}, "z": {"value": null}, "explicit": {"type": "Celsius", "value": 20}}"""), 100);

        Map<String, NgsiAttribute> attrs = entity.attributes();
        assertEquals("Number", attrs.get("n").type());
        assertEquals("Text", attrs.get("t").type());
        assertEquals("Boolean", attrs.get("b").type());
        assertEquals("StructuredValue", attrs.get("o").type());
        assertEquals("StructuredValue", attrs.get("a").type());
        assertEquals("None", attrs.get("z").type());
        assertTrue(attrs.get("z").value().isNull(), "an NGSI null stays a value");
        assertEquals("Celsius", attrs.get("explicit").type());
        assertEquals(List.of("n", "t", "b", "o", "a", "z", "explicit"), List.copyOf(attrs.keySet()),
                "request order is entity order");
    }

    @Test
    void anEntityWithoutATypeIsAThing() {
        assertEquals("Thing", EntityDocuments.entity(json("{\"id\": \"x\"}"), 100).type());
    }

    @Test
    void everyProblemOfAnEntityIsNamedByPointer() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> EntityDocuments.entity(json("""
                {"type": "Ro om", "temp": {"type": "Number"}, "bad name": {"value": 1}, "flat": 3,
                 "meta": {"value": 1, "metadata": {"unit": {"value": "C"}}}, "extra": {"value": 1, "unit": "C"},
                 "a~b": {"type": 5, "value": 1}}"""), 100));

        assertEquals(List.of("/id", "/type", "/temp/value", "/bad name", "/flat", "/meta/metadata", "/extra/unit",
                "/a~0b/type"), pointers(e));
        assertEquals(List.of("must be printable ASCII without whitespace"), details(e, "/type"));
        assertEquals(List.of("is required"), details(e, "/temp/value"));
    }

    @Test
    void anEntityNeedsAStringId() {
        assertEquals(List.of("/id"), pointers(assertThrows(InvalidRequestException.class,
                () -> EntityDocuments.entity(json("{\"type\": \"Room\"}"), 100))));
        assertEquals(List.of("must be a string"), details(assertThrows(InvalidRequestException.class,
                () -> EntityDocuments.entity(json("{\"id\": 7}"), 100)), "/id"));
    }

    @Test
    void emptyMetadataIsAcceptedAsNgsiClientsEchoIt() {
        NewEntity entity = EntityDocuments.entity(json("{\"id\": \"x\", \"a\": {\"value\": 1, \"metadata\": {}}}"),
                100);
        assertEquals(1, entity.attributes().get("a").value().asInt());
    }

    @Test
    void anEntityOverTheAttributeLimitIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> EntityDocuments.entity(json("{\"id\": \"x\", \"a\": {\"value\": 1}, \"b\": {\"value\": 2}}"), 1));
        assertEquals(List.of(""), pointers(e));
        assertTrue(e.problems().get(0).detail().contains("at most 1 attributes"));
    }

    @Test
    void attributeBodiesCannotChangeIdOrType() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> EntityDocuments.attributes(
                json("{\"id\": \"other\", \"type\": \"Other\", \"ok\": {\"value\": 1}}")));
        assertEquals(List.of("/id", "/type"), pointers(e));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertEquals(List.of(""), pointers(assertThrows(InvalidRequestException.class,
                () -> EntityDocuments.attributes(json("[1, 2]")))));
        assertEquals(List.of(""), pointers(assertThrows(InvalidRequestException.class,
                () -> EntityDocuments.entity(json("\"room\""), 100))));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> pointers(InvalidRequestException e) {
        return e.problems().stream().map(FieldProblem::pointer).toList();
    }

    private static List<String> details(InvalidRequestException e, String pointer) {
        return e.problems().stream().filter(p -> p.pointer().equals(pointer)).map(FieldProblem::detail).toList();
    }
}
