package io.streamgate.ingest.entities;

import static io.streamgate.ingest.identity.TestCallers.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.json.Json;

/** {@code POST /v2/op/update} as a FIWARE client uses it, against the real Redis and Kafka. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class EntityBatchResourceTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Test
    void appendCreatesMissingEntitiesAndUpdatesExistingOnesAnnouncingOnlyWhatChanged() {
        String a = newId("Room");
        String b = newId("Room");
        try (TopicProbe probe = EntitiesResourceTest.probe()) {
            batch("append", room(a, 20, "Lobby"), room(b, 18, "Hall")).then().statusCode(204);
            batch("append", room(a, 21, "Lobby")).then().statusCode(204);

            List<EntityChange> changesOfA = changes(probe, "default/" + a, 2);
            assertEquals("entityCreated", changesOfA.get(0).type());
            assertEquals("entityUpdated", changesOfA.get(1).type());
            assertEquals(List.of("temperature"), changesOfA.get(1).changedAttributes(),
                    "name was sent again unchanged; only temperature differs from the stored entity");
            assertEquals("entityCreated", changes(probe, "default/" + b, 1).get(0).type());
        }
        api().get("/v2/entities/{id}", a).then().statusCode(200).body("temperature.value", equalTo(21));
    }

    @Test
    void appendStrictRefusesExistingAttributesPerEntityAndAppliesTheOthers() {
        String a = newId("Room");
        String b = newId("Room");
        batch("append", room(a, 20, "Lobby")).then().statusCode(204);
        batch("appendStrict", room(a, 30, "Lobby"), room(b, 18, "Hall"))
                .then().statusCode(422).body("error", equalTo("PartialUpdate"))
                .body("description", containsString(a)).body("description", not(containsString(b)));
        api().get("/v2/entities/{id}", a).then().body("temperature.value", equalTo(20));
        api().get("/v2/entities/{id}", b).then().statusCode(200);
    }

    @Test
    void updateAndReplaceNeedTheEntityToExist() {
        String missing = newId("Room");
        batch("update", room(missing, 1, "x")).then().statusCode(404)
                .body("error", equalTo("NotFound")).body("description", containsString("Check type and id"));
        batch("replace", room(missing, 1, "x")).then().statusCode(404).body("error", equalTo("NotFound"));
        api().get("/v2/entities/{id}", missing).then().statusCode(404).body("error", equalTo("NotFound"));

        String id = newId("Room");
        batch("append", room(id, 20, "Lobby")).then().statusCode(204);
        batch("update", "{\"id\": \"%s\", \"temperature\": {\"value\": 22}}".formatted(id)).then().statusCode(204);
        batch("update", "{\"id\": \"%s\", \"humidity\": {\"value\": 40}}".formatted(id))
                .then().statusCode(422).body("description", containsString("humidity"));
        batch("replace", "{\"id\": \"%s\", \"type\": \"Room\", \"co2\": {\"value\": 400}}".formatted(id))
                .then().statusCode(204);
        api().get("/v2/entities/{id}", id).then().body("co2.value", equalTo(400)).body("temperature", equalTo(null));
    }

    @Test
    void deleteRemovesNamedAttributesOrTheWholeEntity() {
        String id = newId("Room");
        batch("append", room(id, 20, "Lobby")).then().statusCode(204);
        try (TopicProbe probe = EntitiesResourceTest.probe()) {
            batch("delete", "{\"id\": \"%s\", \"name\": {}}".formatted(id)).then().statusCode(204);
            api().get("/v2/entities/{id}", id).then().statusCode(200).body("name", equalTo(null))
                    .body("temperature.value", equalTo(20));
            batch("delete", "{\"id\": \"%s\", \"type\": \"Room\"}".formatted(id)).then().statusCode(204);
            api().get("/v2/entities/{id}", id).then().statusCode(404);

            List<EntityChange> changes = changes(probe, "default/" + id, 2);
            assertEquals(List.of("name"), changes.get(0).changedAttributes());
            assertEquals("entityDeleted", changes.get(1).type());
        }
    }

    @Test
    void badBatchesAreRefusedWithNgsiErrorBodiesAndApplyNothing() {
        String id = newId("Room");
        batch("upsert", room(id, 1, "x")).then().statusCode(400).body("error", equalTo("BadRequest"))
                .body("description", containsString("appendStrict"));
        api().contentType("application/json").body("{\"actionType\": \"append\", \"entities\": []}")
                .post("/v2/op/update").then().statusCode(400).body("error", equalTo("BadRequest"));
        api().contentType("application/json").body("{\"actionType\": ")
                .post("/v2/op/update").then().statusCode(400).body("error", equalTo("ParseError"));
        api().contentType("text/plain").body("{}")
                .post("/v2/op/update").then().statusCode(415).body("error", equalTo("UnsupportedMediaType"));
        batch("append", room(id, 1, "x"), "{\"id\": \"Room(2)\"}").then().statusCode(422)
                .body("error", equalTo("Unprocessable")).body("errors[0].pointer", equalTo("/entities/1/id"));
        api().get("/v2/entities/{id}", id).then().statusCode(404);
    }

    private static io.restassured.response.Response batch(String action, String... entities) {
        return api().contentType("application/json")
                .body("{\"actionType\": \"" + action + "\", \"entities\": [" + String.join(",", entities) + "]}")
                .post("/v2/op/update");
    }

    private static String room(String id, int temperature, String name) {
        return """
                {"id": "%s", "type": "Room", "temperature": {"type": "Number", "value": %d},
                 "name": {"value": "%s"}}""".formatted(id, temperature, name);
    }

    private static String newId(String type) {
        return "urn:ngsi-ld:" + type + ":" + UUID.randomUUID();
    }

    private static List<EntityChange> changes(TopicProbe probe, String key, int count) {
        List<EntityChange> matching = new ArrayList<>();
        Deadline.await(count + " change(s) of " + key, KAFKA_WAIT, () -> {
            probe.drain(Duration.ofMillis(100)).stream().filter(r -> key.equals(r.key()))
                    .forEach(r -> matching.add(Json.decode(r.value(), EntityChange.class)));
            return matching.size() >= count;
        });
        return matching;
    }
}
