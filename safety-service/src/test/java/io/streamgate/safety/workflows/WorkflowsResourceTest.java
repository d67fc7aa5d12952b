package io.streamgate.safety.workflows;

import static io.streamgate.safety.sensors.Callers.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowKeys;
import io.streamgate.safety.sensors.Callers;
import io.streamgate.safety.sensors.Records;

/** The definitions API against the real Redis and Kafka: what is stored, what is announced, what is refused. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class WorkflowsResourceTest {

    static final String VALID = """
            {"name": "Airport arrivals",
             "trigger": {"geofence_id": "zrh-airport", "event_type": "entry", "device_pattern": "truck-*"},
             "steps": [
               {"type": "condition", "field": "device_id", "operator": "glob", "value": "truck-*"},
               {"type": "wait", "seconds": 2},
               {"type": "webhook", "url": "https://hooks.example.com/in", "headers": {"X-Team": "ops"},
                "body": "{\\"device\\": \\"{{device_id}}\\"}", "timeout_seconds": 1}
             ]}""";

    @Inject
    RedisDataSource redis;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aWorkflowIsCreatedReadReplacedDisabledAndDeletedAndEachChangeIsAnnounced() {
        String tenant = Callers.newTenant("wf");
        try (TopicProbe probe = new TopicProbe(bootstrap(), Topics.WORKFLOWS_EVENTS.name())) {
            var answer = as(tenant).body(VALID).post("/v1/workflows").then().statusCode(201)
                    .body("name", equalTo("Airport arrivals"))
                    .body("enabled", equalTo(true))
                    .body("trigger.geofence_id", equalTo("zrh-airport"))
                    .body("steps", hasSize(3))
                    .body("steps[1].seconds", equalTo(2.0f))
                    .body("steps[2].method", equalTo("POST"))
                    .body("secret", startsWith("whsec_"))
                    .body("created_at", notNullValue())
                    .extract();
            var created = answer.jsonPath();
            String id = created.getString("id");
            assertTrue(answer.header("Location").endsWith("/v1/workflows/" + id), answer.header("Location"));
            String secret = created.getString("secret");

            // The secret is shown once, stored apart from the definition the gateway reads.
            as(tenant).get("/v1/workflows/" + id).then().statusCode(200).body("id", equalTo(id))
                    .body("secret", nullValue());
            String stored = redis.hash(String.class).hget(WorkflowKeys.workflows(tenant), id);
            assertFalse(stored.contains(secret));
            assertTrue(stored.contains("\"updated_at\""));
            assertEquals(secret, redis.hash(String.class).hget(WorkflowKeys.secrets(tenant), id));
            as(tenant).get("/v1/workflows").then().statusCode(200).body("count", equalTo(1))
                    .body("workflows[0].id", equalTo(id));

            as(tenant).body(VALID.replace("Airport arrivals", "Airport arrivals v2")).put("/v1/workflows/" + id)
                    .then().statusCode(200).body("name", equalTo("Airport arrivals v2"))
                    .body("created_at", equalTo(created.getString("created_at")));
            as(tenant).body("{\"enabled\": false}").patch("/v1/workflows/" + id).then().statusCode(200)
                    .body("enabled", equalTo(false));
            as(tenant).body("{\"enabled\": true}").patch("/v1/workflows/" + id).then().statusCode(200)
                    .body("enabled", equalTo(true));
            as(tenant).delete("/v1/workflows/" + id).then().statusCode(204);
            as(tenant).get("/v1/workflows/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            assertNull(redis.hash(String.class).hget(WorkflowKeys.secrets(tenant), id));

            List<WorkflowEvent> events = WorkflowsApi.await(probe, tenant, WorkflowEvent.class, "the deletion",
                    e -> e.stream().anyMatch(w -> w.type().equals(WorkflowEvent.WORKFLOW_DELETED)));
            assertEquals(List.of(WorkflowEvent.WORKFLOW_CREATED, WorkflowEvent.WORKFLOW_UPDATED,
                    WorkflowEvent.WORKFLOW_DISABLED, WorkflowEvent.WORKFLOW_ENABLED, WorkflowEvent.WORKFLOW_DELETED),
                    events.stream().map(WorkflowEvent::type).toList());
            assertEquals(List.of("enabled", "enabled", "disabled", "enabled", "deleted"),
                    events.stream().map(WorkflowEvent::status).toList());
            assertTrue(events.stream().allMatch(e -> id.equals(e.workflowId()) && e.stats() != null
                    && e.executionId() == null));
            assertEquals("Airport arrivals v2", events.get(1).workflowName());
            var record = WorkflowsApi.raw(probe, tenant).get(0);
            assertEquals(EventTypes.WORKFLOW_EVENT, Records.type(record));
            assertEquals(id, record.key());
        }
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheWorkflow() {
        String owner = Callers.newTenant("wf-a");
        String other = Callers.newTenant("wf-b");
        String id = WorkflowsApi.create(owner, VALID).id();
        as(other).get("/v1/workflows/" + id).then().statusCode(404);
        as(other).body(VALID).put("/v1/workflows/" + id).then().statusCode(404);
        as(other).body("{\"enabled\": false}").patch("/v1/workflows/" + id).then().statusCode(404);
        as(other).delete("/v1/workflows/" + id).then().statusCode(404);
        as(other).get("/v1/workflows").then().statusCode(200).body("count", equalTo(0));
        as(owner).get("/v1/workflows/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{}", List.of("/name", "/steps")),
                Arguments.of("{\"name\": \"x\", \"steps\": [], \"colour\": 1}", List.of("/steps", "/colour")),
                Arguments.of("""
                        {"name": "x", "trigger": {"event_type": "inside", "device_ids": ["a"], "device_pattern": "b*"},
                         "steps": [{"type": "wait", "seconds": 1}]}""",
                        List.of("/trigger/event_type", "/trigger/device_pattern")),
                Arguments.of("""
                        {"name": "x", "steps": [{"type": "wait", "seconds": 7200},
                          {"type": "condition", "field": "speed", "operator": "like"},
                          {"type": "webhook", "url": "ftp://example.com/x"},
                          {"type": "webhook", "url": "https://example.com/x", "body": "{{nope}}",
                           "headers": {"X-StreamGate-Signature": "forged"}, "timeout_seconds": 60},
                          {"type": "teleport"}]}""",
                        List.of("/steps/0/seconds", "/steps/1/field", "/steps/1/operator", "/steps/2/url",
                                "/steps/3/body", "/steps/3/headers/X-StreamGate-Signature",
                                "/steps/3/timeout_seconds", "/steps/4/type")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidWorkflowIsRefusedNamingEachBadField(String body, List<String> pointers) {
        String tenant = Callers.newTenant("wf-bad");
        as(tenant).body(body).post("/v1/workflows").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder(pointers.toArray()));
        as(tenant).get("/v1/workflows").then().body("count", equalTo(0));
    }

    @Test
    void tooManyStepsAndMalformedJsonAreRefused() {
        String tenant = Callers.newTenant("wf-bad");
        String steps = String.join(",", java.util.Collections.nCopies(21, "{\"type\": \"wait\", \"seconds\": 1}"));
        as(tenant).body("{\"name\": \"long\", \"steps\": [" + steps + "]}").post("/v1/workflows").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/steps"))
                .body("errors[0].detail", endsWith("(streamgate.safety.workflows.max-steps)"));
        as(tenant).body("{\"name\": ").post("/v1/workflows").then().statusCode(400)
                .contentType("application/problem+json");
        String id = WorkflowsApi.create(tenant, VALID).id();
        as(tenant).body("{\"enabled\": \"no\"}").patch("/v1/workflows/" + id).then().statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/enabled"));
    }
}
