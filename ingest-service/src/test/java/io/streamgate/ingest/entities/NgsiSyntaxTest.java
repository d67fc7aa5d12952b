package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NgsiSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"urn:ngsi-ld:Room:001", "Room", "a", "Temperature_2", "x-y.z:1@2+3*4%5!6$7,8[9]{0}|~^`"})
    void identifiersNgsiAllowsAreAccepted(String id) {
        assertEquals(Optional.empty(), NgsiSyntax.identifierProblem(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", ">", "\"", "'", "=", ";", "(", ")", "&", "?", "/", "#"})
    void everyForbiddenCharacterIsRefusedByName(String forbidden) {
        Optional<String> problem = NgsiSyntax.identifierProblem("Room" + forbidden + "1");
        assertTrue(problem.orElseThrow().contains("'" + forbidden + "'"), problem.orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Room 1", "Room\t1", "Room\n1", "Räum", "Room\u00a01", "Room\u00001"})
    void whitespaceControlAndNonAsciiCharactersAreRefused(String id) {
        assertEquals("must be printable ASCII without whitespace", NgsiSyntax.identifierProblem(id).orElseThrow());
    }

    @Test
    void identifiersAreOneTo256Characters() {
        assertEquals(Optional.empty(), NgsiSyntax.identifierProblem("x".repeat(256)));
        assertEquals("must be at most 256 characters", NgsiSyntax.identifierProblem("x".repeat(257)).orElseThrow());
        assertEquals("must not be empty", NgsiSyntax.identifierProblem("").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "type", "dateCreated", "dateModified", "dateExpires", "*", "geo:distance"})
    void namesWithAMeaningInNgsiCannotBeAttributes(String name) {
        assertTrue(NgsiSyntax.attributeNameProblem(name).orElseThrow().contains("reserved"));
    }
}
