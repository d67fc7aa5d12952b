package io.streamgate.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.configuration.MemorySize;
import io.streamgate.ingest.fuzz.FuzzedJson;
import io.streamgate.platform.json.Json;
import io.streamgate.service.problem.InvalidRequestException;
import io.streamgate.service.problem.MalformedJsonException;

/**
 * The NGSI v2 bodies in bulk, without HTTP or Redis: an entity ({@code POST /v2/entities}), an attribute set
 * ({@code POST|PATCH|PUT /v2/entities/{id}/attrs}) and a batch ({@code POST /v2/op/update}) are read or refused
 * with one of the three refusals NGSI's mappers answer (400, 413, 422); the entity read can be encoded.
 */
class EntityDocumentProperties {

    static final String ENTITY = "{\"id\":\"Room1\",\"type\":\"Room\",\"temperature\":{\"value\":23.5,\"type\":"
            + "\"Number\",\"metadata\":{}},\"open\":{\"value\":true},"
            + "\"location\":{\"type\":\"geo:json\",\"value\":{\"type\":\"Point\",\"coordinates\":[8.54,47.37]}},"
            + "\"name\":{\"value\":\"Lab\"},\"tags\":{\"value\":[\"a\",\"b\"]}}";
    static final String ATTRIBUTES = "{\"temperature\":{\"value\":24,\"type\":\"Number\"},\"note\":{\"value\":null}}";
    static final String BATCH = "{\"actionType\":\"append\",\"entities\":[" + ENTITY + ",{\"id\":\"Room2\","
            + "\"pressure\":{\"value\":720}}]}";

    enum Body { ENTITY, ATTRIBUTES, BATCH }

    @Property(seed = "2131")
    void everyBodyIsReadOrRefusedWithAnNgsiError(@ForAll("bodies") Tuple2<Body, byte[]> input) {
        String outcome;
        try {
            JsonNode document = NgsiRequests.readJson("application/json", input.get2(), new MemorySize(java.math.BigInteger.valueOf(1 << 20)));
            switch (input.get1()) {
            case ENTITY -> Json.encode(EntityDocuments.entity(document, 100));
            case ATTRIBUTES -> Json.encode(EntityDocuments.attributes(document));
            case BATCH -> EntityBatch.read(document, 100, 1000).operations()
                    .forEach(operation -> Json.encode(operation.entity()));
            }
            outcome = "accepted";
        } catch (InvalidRequestException refused) {
            assertFalse(refused.problems().isEmpty(), "a 422 names at least one bad field");
            outcome = "422";
        } catch (MalformedJsonException notJson) {
            outcome = "400";
        } catch (NgsiProblemException ngsi) {
            assertTrue(ngsi.status() == 400 || ngsi.status() == 413, "status " + ngsi.status());
            outcome = String.valueOf(ngsi.status());
        }
        Statistics.label("body").collect(input.get1());
        Statistics.label("outcome").collect(outcome);
    }

    @Property(seed = "2132")
    void theStartingBodiesAreValid(@ForAll Body body) {
        JsonNode document = NgsiRequests.readJson("application/json", valid(body).getBytes(StandardCharsets.UTF_8),
                new MemorySize(java.math.BigInteger.valueOf(1 << 20)));
        try {
            switch (body) {
            case ENTITY -> EntityDocuments.entity(document, 100);
            case ATTRIBUTES -> EntityDocuments.attributes(document);
            case BATCH -> EntityBatch.read(document, 100, 1000);
            }
        } catch (InvalidRequestException e) {
            throw new AssertionError(body + ": " + e.problems(), e);
        }
    }

    @Provide
    Arbitrary<Tuple2<Body, byte[]>> bodies() {
        return Arbitraries.of(Body.class).flatMap(body -> FuzzedJson.around(valid(body)).map(b -> Tuple.of(body, b)));
    }

    private static String valid(Body body) {
        return switch (body) {
        case ENTITY -> ENTITY;
        case ATTRIBUTES -> ATTRIBUTES;
        case BATCH -> BATCH;
        };
    }
}
