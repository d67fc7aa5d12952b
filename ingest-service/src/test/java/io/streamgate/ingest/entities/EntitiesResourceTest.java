package io.streamgate.ingest.entities;

import static io.streamgate.ingest.identity.TestCallers.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.ingest.identity.TestCallers;
import io.streamgate.platform.identity.Role;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class EntitiesResourceTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/")
    URI root;

    // ---- create, get ------------------------------------------------------------------------------------------

    @Test
    void aCreatedEntityIsStoredPerTenantServedAndAnnouncedAsGeonicDbShowsIt() throws Exception {
        String id = newId("Room");
        try (TopicProbe probe = probe()) {
            api().contentType("application/json").body(room(id, 23.5))
                    .when().post("/v2/entities")
                    .then().statusCode(201)
                    .header("Location", equalTo("/v2/entities/" + id + "?type=Room"));

            api().when().get("/v2/entities/{id}", id)
                    .then().statusCode(200)
                    .body("id", equalTo(id)).body("type", equalTo("Room"))
                    .body("temperature.type", equalTo("Number")).body("temperature.value", equalTo(23.5f))
                    .body("name.type", equalTo("Text")).body("name.value", equalTo("Lobby"))
                    .body("name.metadata.size()", equalTo(0));
            assertTrue(redis.key().exists("streamgate:ngsi:default:/:entity:" + id),
                    "the entity lives under its tenant's and service path's keys");

            ConsumerRecord<String, byte[]> record = records(probe, "default/" + id, 1).get(0);
            JsonNode event = Json.mapper().readTree(record.value());
            assertEquals(Json.mapper().readTree("""
                    {"type": "entityCreated", "tenant": "default", "servicePath": "/", "entityId": "%s",
                     "entityType": "Room",
                     "data": {"temperature": {"type": "Number", "value": 23.5},
                              "name": {"type": "Text", "value": "Lobby"}},
                     "changedAttributes": ["temperature", "name"]}""".formatted(id)),
                    withoutTimestamp(event));
            EntityChange change = Json.decode(record.value(), EntityChange.class);
            assertTrue(event.get("timestamp").asText().endsWith("Z"), event.toString());

            EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
            assertEquals(EventTypes.ENTITY_CHANGE, envelope.type());
            assertEquals("default/" + id, envelope.subject());
            assertEquals("default", envelope.tenant());
            assertEquals(change.timestamp(), envelope.time());
        }
    }

    @Test
    void anEntityWithoutTypeIsAThingAndUntypedAttributesGetNgsiDefaults() {
        String id = newId("Thing");
        api().contentType("application/json").body("""
                {"id": "%s", "on": {"value": true}, "tags": {"value": ["a"]}, "gone": {"value": null}}""".formatted(id))
                .post("/v2/entities").then().statusCode(201)
                .header("Location", equalTo("/v2/entities/" + id + "?type=Thing"));

        api().get("/v2/entities/{id}", id).then().statusCode(200)
                .body("type", equalTo("Thing"))
                .body("on.type", equalTo("Boolean")).body("tags.type", equalTo("StructuredValue"))
                .body("gone.type", equalTo("None")).body("gone.value", equalTo(null));
    }

    @Test
    void creatingAnExistingIdIsUnprocessableAndChangesNothing() {
        String id = newId("Room");
        create(id, 20);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json").body(room(id, 99))
                    .post("/v2/entities")
                    .then().statusCode(422).contentType(PROBLEM)
                    .body("title", equalTo("Unprocessable")).body("detail", startsWith("Already Exists"));

            api().get("/v2/entities/{id}", id).then().body("temperature.value", equalTo(20));
            assertNextChangeIsAMarker(probe, "default/" + id, id);
        }
    }

    @Test
    void anUnknownEntityIsNotFound() {
        api().get("/v2/entities/{id}", newId("Room"))
                .then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("NotFound")).body("status", equalTo(404));
    }

    @Test
    void aTypeInTheQueryMustBeTheEntitysType() {
        String id = newId("Room");
        create(id, 20);
        api().get("/v2/entities/{id}?type=Room", id).then().statusCode(200);
        api().get("/v2/entities/{id}?type=Sensor", id).then().statusCode(404).body("title", equalTo("NotFound"));
        api().contentType("application/json").body("{\"temperature\": {\"value\": 1}}")
                .patch("/v2/entities/{id}/attrs?type=Sensor", id).then().statusCode(404);
        api().delete("/v2/entities/{id}?type=Sensor", id).then().statusCode(404);
        api().get("/v2/entities/{id}", id).then().statusCode(200).body("temperature.value", equalTo(20));
    }

    // ---- list -----------------------------------------------------------------------------------------------

    @Test
    void listsByTypeOldestFirstPageByPage() {
        String path = "/list_" + suffix();
        String prefix = "urn:ngsi-ld:Room:" + suffix() + ":";
        for (int i = 1; i <= 3; i++) {
            inPath(path).contentType("application/json").body(room(prefix + i, 20 + i))
                    .post("/v2/entities").then().statusCode(201);
        }
        inPath(path).contentType("application/json").body("{\"id\": \"s1\", \"type\": \"Sensor\"}")
                .post("/v2/entities").then().statusCode(201);

        inPath(path).get("/v2/entities?type=Room").then().statusCode(200)
                .body("id", equalTo(List.of(prefix + 1, prefix + 2, prefix + 3)))
                .body("[0].temperature.value", equalTo(21)).body("[0].temperature.metadata.size()", equalTo(0));
        inPath(path).get("/v2/entities?type=Room&limit=2").then()
                .body("id", equalTo(List.of(prefix + 1, prefix + 2)));
        inPath(path).get("/v2/entities?type=Room&limit=2&offset=2").then()
                .body("id", equalTo(List.of(prefix + 3)));
        inPath(path).get("/v2/entities?type=Room&offset=5").then().statusCode(200).body("$", hasSize(0));
        inPath(path).get("/v2/entities?type=Room&limit=1&options=count").then()
                .header(EntitiesResource.TOTAL_COUNT_HEADER, "3").body("$", hasSize(1));
        inPath(path).get("/v2/entities").then().body("id", equalTo(List.of(prefix + 1, prefix + 2, prefix + 3, "s1")));
        inPath(path).get("/v2/entities?type=Vehicle").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aListIsAtMostTheDefaultPageSizeUnlessALimitIsGiven() {
        String path = "/page_" + suffix();
        for (int i = 0; i < 21; i++) {
            inPath(path).contentType("application/json").body("{\"id\": \"e" + (char) ('a' + i) + "\"}")
                    .post("/v2/entities").then().statusCode(201);
        }
        inPath(path).get("/v2/entities").then().body("$", hasSize(20));
        inPath(path).get("/v2/entities?limit=1000").then().body("$", hasSize(21));
    }

    // ---- POST/PATCH/PUT attrs -------------------------------------------------------------------------------

    @Test
    void postAttrsAppendsAndUpdatesAnnouncingExactlyWhatChanged() {
        String id = newId("Room");
        create(id, 23.5);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json").body("""
                    {"temperature": {"type": "Number", "value": 24}, "name": {"type": "Text", "value": "Lobby"},
                     "humidity": {"value": 40}}""")
                    .post("/v2/entities/{id}/attrs", id).then().statusCode(204);

            EntityChange change = changes(probe, "default/" + id, 1).get(0);
            assertEquals(EntityChange.UPDATED, change.type());
            assertEquals(List.of("temperature", "humidity"), change.changedAttributes(),
                    "name was sent with the same type and value, so it did not change");
            assertEquals(List.of("temperature", "name", "humidity"), List.copyOf(change.data().keySet()),
                    "data is the full new attribute set");
            assertEquals(24, change.data().get("temperature").value().asInt());
            assertEquals("Number", change.data().get("humidity").type());
        }
        api().get("/v2/entities/{id}", id).then()
                .body("temperature.value", equalTo(24)).body("humidity.value", equalTo(40))
                .body("name.value", equalTo("Lobby"));
    }

    @Test
    void strictAppendRefusesExistingAttributesAndChangesNothing() {
        String id = newId("Room");
        create(id, 20);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json").body("{\"name\": {\"value\": \"Hall\"}, \"co2\": {\"value\": 1}}")
                    .post("/v2/entities/{id}/attrs?options=append", id)
                    .then().statusCode(422).contentType(PROBLEM).body("title", equalTo("Unprocessable"))
                    .body("detail", containsString("[name]"));

            api().get("/v2/entities/{id}", id).then().body("name.value", equalTo("Lobby")).body("co2", equalTo(null));
            assertNextChangeIsAMarker(probe, "default/" + id, id);
        }
        api().contentType("application/json").body("{\"co2\": {\"value\": 400}}")
                .post("/v2/entities/{id}/attrs?options=append", id).then().statusCode(204);
        api().get("/v2/entities/{id}", id).then().body("co2.value", equalTo(400));
    }

    @Test
    void patchUpdatesExistingAttributesAndRefusesWholeWhenOneIsMissing() {
        String id = newId("Room");
        create(id, 20);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json").body("{\"temperature\": {\"type\": \"Number\", \"value\": 25}}")
                    .patch("/v2/entities/{id}/attrs", id).then().statusCode(204);
            EntityChange first = changes(probe, "default/" + id, 1).get(0);
            assertEquals(List.of("temperature"), first.changedAttributes());
            assertEquals(List.of("temperature", "name"), List.copyOf(first.data().keySet()));

            api().contentType("application/json")
                    .body("{\"temperature\": {\"value\": 26}, \"pressure\": {\"value\": 1013}}")
                    .patch("/v2/entities/{id}/attrs", id)
                    .then().statusCode(422).contentType(PROBLEM).body("title", equalTo("Unprocessable"))
                    .body("detail", containsString("[pressure]"));
            api().get("/v2/entities/{id}", id).then().body("temperature.value", equalTo(25))
                    .body("pressure", equalTo(null));

            api().contentType("application/json").body("{\"name\": {\"value\": \"marker\"}}")
                    .patch("/v2/entities/{id}/attrs", id).then().statusCode(204);
            List<EntityChange> changes = changes(probe, "default/" + id, 2);
            assertEquals(List.of("name"), changes.get(1).changedAttributes(), "the refused PATCH announced nothing");
        }
        api().contentType("application/json").body("{\"temperature\": {\"value\": 1}}")
                .patch("/v2/entities/{id}/attrs", newId("Room"))
                .then().statusCode(404).body("title", equalTo("NotFound"));
    }

    @Test
    void anUpdateThatChangesNothingIsNeitherStoredNorAnnounced() {
        String id = newId("Room");
        create(id, 23.5);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json")
                    .body("{\"temperature\": {\"type\": \"Number\", \"value\": 23.50}, "
                            + "\"name\": {\"value\": \"Lobby\"}}")
                    .patch("/v2/entities/{id}/attrs", id).then().statusCode(204);
            api().contentType("application/json").body("{\"temperature\": {\"type\": \"Number\", \"value\": 23.5}}")
                    .post("/v2/entities/{id}/attrs", id).then().statusCode(204);
            api().contentType("application/json").body(
                    "{\"temperature\": {\"type\": \"Number\", \"value\": 23.5}, \"name\": {\"value\": \"Lobby\"}}")
                    .put("/v2/entities/{id}/attrs", id).then().statusCode(204);

            assertNextChangeIsAMarker(probe, "default/" + id, id);
        }
    }

    @Test
    void putReplacesTheAttributeSetNamingAddedChangedAndRemovedAttributes() {
        String id = newId("Room");
        create(id, 23.5);
        try (TopicProbe probe = probe()) {
            api().contentType("application/json")
                    .body("{\"temperature\": {\"type\": \"Number\", \"value\": 23.5}, \"co2\": {\"value\": 400}}")
                    .put("/v2/entities/{id}/attrs", id).then().statusCode(204);

            EntityChange change = changes(probe, "default/" + id, 1).get(0);
            assertEquals(List.of("co2", "name"), change.changedAttributes(), "co2 added, name removed");
            assertEquals(List.of("temperature", "co2"), List.copyOf(change.data().keySet()));
        }
        api().get("/v2/entities/{id}", id).then().statusCode(200)
                .body("co2.value", equalTo(400)).body("name", equalTo(null));
        api().contentType("application/json").body("{}")
                .put("/v2/entities/{id}/attrs", newId("Room")).then().statusCode(404);
    }

    // ---- delete ---------------------------------------------------------------------------------------------

    @Test
    void aDeletedEntityIsGoneEverywhereAndAnnouncedWithItsLastState() throws Exception {
        String path = "/del_" + suffix();
        String id = newId("Room");
        inPath(path).contentType("application/json").body(room(id, 18)).post("/v2/entities").then().statusCode(201);
        try (TopicProbe probe = probe()) {
            inPath(path).delete("/v2/entities/{id}", id).then().statusCode(204);

            ConsumerRecord<String, byte[]> record = records(probe, "default/" + id, 1).get(0);
            JsonNode event = Json.mapper().readTree(record.value());
            assertEquals("entityDeleted", event.get("type").asText());
            assertEquals(path, event.get("servicePath").asText());
            assertEquals(18, event.at("/data/temperature/value").asInt(), "data is what the entity held");
            assertFalse(event.has("changedAttributes"), "changedAttributes is for creations and updates only");
        }
        inPath(path).get("/v2/entities/{id}", id).then().statusCode(404);
        inPath(path).get("/v2/entities?type=Room").then().body("$", hasSize(0));
        inPath(path).get("/v2/entities").then().body("$", hasSize(0));
        inPath(path).delete("/v2/entities/{id}", id).then().statusCode(404).body("title", equalTo("NotFound"));
        assertFalse(redis.key().exists("streamgate:ngsi:default:" + path + ":entity:" + id));

        inPath(path).contentType("application/json").body(room(id, 5)).post("/v2/entities").then().statusCode(201);
        inPath(path).get("/v2/entities/{id}", id).then().body("temperature.value", equalTo(5));
    }

    // ---- rejections -----------------------------------------------------------------------------------------

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        api().contentType("application/json").body("{\"id\": \"x\",")
                .post("/v2/entities").then().statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("the body is not valid JSON"));
        api().contentType("application/json").body("")
                .post("/v2/entities").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aDuplicateAttributeNameIsABadRequestNotASilentOverwrite() {
        api().contentType("application/json")
                .body("{\"id\": \"" + newId("Room") + "\", \"t\": {\"value\": 1}, \"t\": {\"value\": 2}}")
                .post("/v2/entities").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("Duplicate field 't'"));
    }

    @Test
    void anInvalidEntityIsRejectedWholeNamingEachBadField() {
        String body = """
                {"id": "Room(1)", "type": "Ro om", "temperature": {"type": "Number"}, "bad name": {"value": 1},
                 "unit": {"value": "C", "metadata": {"x": {"value": 1}}}, "flat": 3}""";
        api().contentType("application/json").body(body)
                .post("/v2/entities").then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("errors.pointer", equalTo(List.of("/id", "/type", "/temperature/value", "/bad name",
                        "/unit/metadata", "/flat")));
        api().get("/v2/entities/{id}", "Room1").then().statusCode(404);
    }

    @Test
    void attributeBodiesCannotRenameOrRetypeTheEntity() {
        String id = newId("Room");
        create(id, 20);
        api().contentType("application/json").body("{\"type\": \"Sensor\"}")
                .post("/v2/entities/{id}/attrs", id).then().statusCode(422).body("errors.pointer", hasItem("/type"));
        api().get("/v2/entities/{id}", id).then().body("type", equalTo("Room"));
    }

    @Test
    void anEntityOverTheAttributeLimitIsRefused() {
        StringBuilder body = new StringBuilder("{\"id\": \"" + newId("Big") + "\"");
        for (int i = 0; i <= 100; i++) {
            body.append(", \"a").append(i).append("\": {\"value\": ").append(i).append('}');
        }
        api().contentType("application/json").body(body.append('}').toString())
                .post("/v2/entities").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].detail", containsString("at most 100 attributes"));

        String id = newId("Room");
        StringBuilder attrs = new StringBuilder("{\"a0\": {\"value\": 0}");
        for (int i = 1; i < 99; i++) {
            attrs.append(", \"a").append(i).append("\": {\"value\": ").append(i).append('}');
        }
        create(id, 1);
        api().contentType("application/json").body(attrs.append('}').toString())
                .post("/v2/entities/{id}/attrs", id).then().statusCode(422).body("title", equalTo("Unprocessable"))
                .body("detail", containsString("at most 100 attributes"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String big = "{\"id\": \"" + newId("Big") + "\", \"blob\": {\"value\": \"" + "x".repeat(1024 * 1024) + "\"}}";
        api().contentType("application/json").body(big)
                .post("/v2/entities").then().statusCode(413).contentType(PROBLEM)
                .body("title", equalTo("RequestEntityTooLarge"));
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsRefusedWith415() {
        api().contentType("text/plain").body(room(newId("Room"), 1))
                .post("/v2/entities").then().statusCode(415).contentType(PROBLEM)
                .body("title", equalTo("UnsupportedMediaType"));
    }

    @Test
    void badScopeHeadersAreBadRequests() {
        api().header(Scopes.SERVICE_HEADER, "acme-corp").get("/v2/entities")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("BadRequest"))
                .body("detail", containsString(Scopes.SERVICE_HEADER));
        api().header(Scopes.SERVICE_PATH_HEADER, "Madrid").get("/v2/entities")
                .then().statusCode(400).body("detail", containsString(Scopes.SERVICE_PATH_HEADER));
        api().header(Scopes.SERVICE_PATH_HEADER, "/Madrid/#").get("/v2/entities").then().statusCode(400);
    }

    @Test
    void badQueryParametersAreBadRequests() {
        List<List<String>> queries = List.of(List.of("limit", "0"), List.of("limit", "1001"), List.of("limit", "ten"),
                List.of("offset", "-1"), List.of("options", "keyValues"), List.of("type", "Room,Sensor"),
                List.of("type", "Ro om"), List.of("q", "temperature>20"), List.of("idPattern", ".*"),
                List.of("attrs", "temperature"));
        for (List<String> query : queries) {
            api().queryParam(query.get(0), query.get(1)).get("/v2/entities")
                    .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("BadRequest"));
        }
        api().contentType("application/json").body(room(newId("Room"), 1)).queryParam("options", "upsert")
                .post("/v2/entities").then().statusCode(400).body("detail", containsString("upsert"));
        String id = newId("Room");
        create(id, 1);
        api().queryParam("options", "keyValues").get("/v2/entities/{id}", id).then().statusCode(400)
                .body("detail", containsString("keyValues"));
        api().queryParam("attrs", "temperature").get("/v2/entities/{id}", id).then().statusCode(400)
                .body("detail", containsString("attrs"));
    }

    @Test
    void anIdWithForbiddenCharactersInTheUrlIsABadRequest() {
        api().get("/v2/entities/{id}", "Room=1").then().statusCode(400).body("title", equalTo("BadRequest"));
        api().delete("/v2/entities/{id}", "Room(1)").then().statusCode(400);
    }

    // ---- tenants --------------------------------------------------------------------------------------------

    @Test
    void tenantsAndServicePathsAreIsolated() {
        String tenantA = "tenant_a_" + suffix();
        String tenantB = "tenant_b_" + suffix();
        String id = newId("Room");
        try (TopicProbe probe = probe()) {
            admin(tenantA).contentType("application/json").body(room(id, 1)).post("/v2/entities")
                    .then().statusCode(201);
            admin(tenantB).contentType("application/json").body(room(id, 2)).post("/v2/entities")
                    .then().statusCode(201);

            admin(tenantA).get("/v2/entities/{id}", id).then().body("temperature.value", equalTo(1));
            admin(tenantB).get("/v2/entities/{id}", id).then().body("temperature.value", equalTo(2));
            admin("tenant_c_" + suffix()).get("/v2/entities/{id}", id).then().statusCode(404);
            admin("tenant_c_" + suffix()).get("/v2/entities?type=Room").then().statusCode(200).body("$", hasSize(0));
            api().get("/v2/entities/{id}", id).then().statusCode(404);

            admin(tenantA).header(Scopes.SERVICE_PATH_HEADER, "/elsewhere").get("/v2/entities/{id}", id)
                    .then().statusCode(404);

            assertEquals(tenantA, changes(probe, tenantA + "/" + id, 1).get(0).tenant());
            assertEquals(tenantB, changes(probe, tenantB + "/" + id, 1).get(0).tenant());

            admin(tenantA).delete("/v2/entities/{id}", id).then().statusCode(204);
            admin(tenantB).get("/v2/entities/{id}", id).then().statusCode(200).body("temperature.value", equalTo(2));
        }
    }

    @Test
    void anotherTenantIsForbiddenForReadsAndWritesAndNothingIsWritten() {
        String tenant = "other_" + suffix();
        String id = newId("Room");
        try (TopicProbe probe = probe()) {
            api().header(Scopes.SERVICE_HEADER, tenant).contentType("application/json").body(room(id, 666))
                    .post("/v2/entities")
                    .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Forbidden"));
            admin(tenant).get("/v2/entities/{id}", id).then().statusCode(404);

            admin(tenant).contentType("application/json").body(room(id, 1)).post("/v2/entities").then().statusCode(201);
            RequestSpecification anonymous = api().header(Scopes.SERVICE_HEADER, tenant);
            anonymous.get("/v2/entities/{id}", id).then().statusCode(403);
            api().header(Scopes.SERVICE_HEADER, tenant).get("/v2/entities").then().statusCode(403);
            api().header(Scopes.SERVICE_HEADER, tenant).contentType("application/json")
                    .body("{\"temperature\": {\"value\": 9}}").patch("/v2/entities/{id}/attrs", id)
                    .then().statusCode(403);
            api().header(Scopes.SERVICE_HEADER, tenant).delete("/v2/entities/{id}", id).then().statusCode(403);
            TestCallers.as("someone_else", "tenant_admin").header(Scopes.SERVICE_HEADER, tenant)
                    .get("/v2/entities/{id}", id).then().statusCode(403);

            List<EntityChange> changes = changes(probe, tenant + "/" + id, 1);
            assertEquals(1, changes.get(0).data().get("temperature").value().asInt(),
                    "the first change of the entity is the super admin's creation, not the refused one");
            admin(tenant).get("/v2/entities/{id}", id).then().statusCode(200).body("temperature.value", equalTo(1));
        }
    }

    @Test
    void withoutFiwareServiceTheCallersOwnTenantIsUsed() {
        String tenant = "acme_" + suffix();
        String id = newId("Room");
        RequestSpecification user = TestCallers.as(tenant, "user");
        try (TopicProbe probe = probe()) {
            user.contentType("application/json").body(room(id, 7)).post("/v2/entities").then().statusCode(201);
            assertEquals(tenant, changes(probe, tenant + "/" + id, 1).get(0).tenant());
        }
        TestCallers.as(tenant, "user").header(Scopes.SERVICE_HEADER, tenant.toUpperCase(Locale.ROOT))
                .get("/v2/entities/{id}", id).then().statusCode(200).body("temperature.value", equalTo(7));
        api().get("/v2/entities/{id}", id).then().statusCode(404);
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    @Test
    void concurrentUpdatesOfOneEntityAreAnnouncedInOrderWithExactChanges() {
        String id = newId("Counter");
        StringBuilder body = new StringBuilder("{\"id\": \"" + id + "\", \"type\": \"Counter\"");
        int writers = 8;
        for (int i = 0; i < writers; i++) {
            body.append(", \"a").append(i).append("\": {\"type\": \"Number\", \"value\": 0}");
        }
        api().contentType("application/json").body(body.append('}').toString()).post("/v2/entities")
                .then().statusCode(201);

        try (TopicProbe probe = probe()) {
            List<Integer> statuses = IntStream.range(0, writers)
                    .mapToObj(i -> patchAsync(id, "{\"a" + i + "\": {\"type\": \"Number\", \"value\": 1}}"))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(204, 204, 204, 204, 204, 204, 204, 204), statuses);

            List<EntityChange> changes = changes(probe, "default/" + id, writers);
            Set<String> changed = new HashSet<>();
            for (int k = 0; k < writers; k++) {
                EntityChange change = changes.get(k);
                assertEquals(1, change.changedAttributes().size(), change.changedAttributes().toString());
                changed.add(change.changedAttributes().get(0));
                long ones = change.data().values().stream().filter(a -> a.value().asInt() == 1).count();
                assertEquals(k + 1, ones, "the k-th change in Kafka builds on the k-1 before it");
            }
            assertEquals(writers, changed.size(), "every writer's attribute was announced once");
        }
        for (int i = 0; i < writers; i++) {
            api().get("/v2/entities/{id}", id).then().body("a" + i + ".value", equalTo(1));
        }
    }

    @Test
    void concurrentIdenticalUpdatesAreAnnouncedOnce() {
        String id = newId("Room");
        create(id, 20);
        try (TopicProbe probe = probe()) {
            List<Integer> statuses = IntStream.range(0, 4)
                    .mapToObj(i -> patchAsync(id, "{\"temperature\": {\"type\": \"Number\", \"value\": 30}}"))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(204, 204, 204, 204), statuses);

            assertEquals(List.of("temperature"), changes(probe, "default/" + id, 1).get(0).changedAttributes());
            assertNextChangeIsAMarker(probe, "default/" + id, id, 1);
        }
    }

    // ---- documentation --------------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        JsonNode paths = Json.mapper().readTree(api().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asByteArray()).path("paths");

        assertEquals(Set.of("get", "post"), operations(paths.path("/v2/entities")));
        assertEquals(Set.of("get", "delete"), operations(paths.path("/v2/entities/{id}")));
        assertEquals(Set.of("post", "patch", "put"), operations(paths.path("/v2/entities/{id}/attrs")));
        JsonNode patch = paths.path("/v2/entities/{id}/attrs").path("patch");
        assertTrue(patch.path("responses").has("422"), patch.toString());
        List<String> headers = new ArrayList<>();
        patch.path("parameters").forEach(p -> headers.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertTrue(headers.containsAll(List.of("header:Fiware-Service", "header:Fiware-ServicePath", "path:id")),
                headers.toString());
    }

    private static Set<String> operations(JsonNode path) {
        Set<String> operations = new HashSet<>();
        path.fieldNames().forEachRemaining(name -> {
            if (!"parameters".equals(name)) {
                operations.add(name);
            }
        });
        return operations;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String newId(String type) {
        return "urn:ngsi-ld:" + type + ":" + UUID.randomUUID();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String room(String id, double temperature) {
        String value = temperature == Math.rint(temperature) ? String.valueOf((long) temperature)
                : String.valueOf(temperature);
        return """
                {"id": "%s", "type": "Room", "temperature": {"type": "Number", "value": %s},
                 "name": {"value": "Lobby"}}""".formatted(id, value);
    }

    private static void create(String id, double temperature) {
        api().contentType("application/json").body(room(id, temperature)).post("/v2/entities").then().statusCode(201);
    }

    private static RequestSpecification inPath(String servicePath) {
        return api().header(Scopes.SERVICE_PATH_HEADER, servicePath);
    }

    private static RequestSpecification admin(String tenant) {
        return TestCallers.as("ops", "super_admin").header(Scopes.SERVICE_HEADER, tenant);
    }

    private CompletableFuture<Integer> patchAsync(String id, String body) {
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/v2/entities/" + id + "/attrs"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DevCredentials.tokenFor("default", Role.USER)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /**
     * Proves that nothing was announced for {@code key} since the probe opened (beyond {@code before} changes):
     * a marker change is made now, and it must be the next change on the key, whose order Kafka keeps.
     */
    private static void assertNextChangeIsAMarker(TopicProbe probe, String key, String id, int before) {
        String marker = "marker" + suffix();
        api().contentType("application/json").body("{\"" + marker + "\": {\"value\": 1}}")
                .post("/v2/entities/{id}/attrs", id).then().statusCode(204);
        List<EntityChange> changes = changes(probe, key, before + 1);
        assertEquals(List.of(marker), changes.get(before).changedAttributes(), "nothing else was announced");
    }

    private static void assertNextChangeIsAMarker(TopicProbe probe, String key, String id) {
        assertNextChangeIsAMarker(probe, key, id, 0);
    }

    private static List<EntityChange> changes(TopicProbe probe, String key, int count) {
        return records(probe, key, count).stream().map(r -> Json.decode(r.value(), EntityChange.class)).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> records(TopicProbe probe, String key, int count) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        Deadline.await(count + " change(s) of " + key, KAFKA_WAIT, () -> {
            matching.clear();
            probe.drain(Duration.ofMillis(100)).stream().filter(r -> key.equals(r.key())).forEach(matching::add);
            return matching.size() >= count;
        });
        return matching;
    }

    private static JsonNode withoutTimestamp(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("timestamp");
        return copy;
    }

    static TopicProbe probe() {
        return new TopicProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.ENTITIES_CHANGES.name());
    }
}
