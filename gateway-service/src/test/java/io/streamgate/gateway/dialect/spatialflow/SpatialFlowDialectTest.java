package io.streamgate.gateway.dialect.spatialflow;

import static io.streamgate.gateway.testing.JsonMessages.fields;
import static io.streamgate.gateway.testing.JsonMessages.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.stats.StatsUpdate;
import io.streamgate.platform.topic.Topics;
import io.streamgate.platform.workflows.WebhookStatus;
import io.streamgate.platform.workflows.WorkflowEvent;
import io.streamgate.platform.workflows.WorkflowExecution;
import io.streamgate.platform.workflows.WorkflowKeys;
import io.streamgate.platform.workflows.WorkflowStats;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * SpatialFlow's five channels as its clients use them: the token as the {@code access_token} subprotocol (and the
 * server echoing the marker, never the token), every message shape of the guide field for field, the caller's
 * tenant only, 4003 for a non-superuser on the webhook channel, 4004 for another tenant's workflow, 4001 for
 * every bad token, and the SSE fallback resuming exactly. The workflow data is written as its runner writes it
 * (Redis under {@link WorkflowKeys}, records on {@code workflows.events} and {@code webhooks.status}).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SpatialFlowDialectTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> GEOFENCE_EVENT = Set.of("device_id", "geofence_id", "geofence_name",
            "event_type", "location");

    @TestHTTPResource("/")
    URI root;

    @Inject
    TokenIssuer issuer;

    @Inject
    Redis redis;

    private static EventWriter writer;

    @BeforeAll
    static void writer() {
        writer = new EventWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    @Test
    void theTokenTravelsAsTheAccessTokenSubprotocolAndOnlyTheMarkerIsEchoed() {
        String tenant = tenant();
        try (WebSocketProbe client = WebSocketProbe.connect(ws(SpatialFlowDialect.GEOFENCE),
                List.of("access_token", token(tenant, false)))) {
            assertEquals("access_token", client.subprotocol(), "a browser or Node ws fails the handshake otherwise");
            geofenceEvent(tenant, "truck-005", "entry");
            JsonNode message = json(client.nextMatching(f -> f.contains("geofence_event"), WAIT));
            assertEquals(List.of("type", "event", "timestamp"), names(message));
            assertEquals(GEOFENCE_EVENT, fields(message.get("event")));
            assertEquals("truck-005", message.at("/event/device_id").asText());
            assertEquals("entry", message.at("/event/event_type").asText());
            assertEquals("Downtown Delivery Zone", message.at("/event/geofence_name").asText());
            assertEquals(37.7749, message.at("/event/location/latitude").asDouble());
            assertEquals(-122.4194, message.at("/event/location/longitude").asDouble());
            assertEquals(Set.of("latitude", "longitude"), fields(message.at("/event/location")));
        }
    }

    @Test
    void theDeprecatedQueryTokenStillConnects() {
        String tenant = tenant();
        URI uri = URI.create(ws(SpatialFlowDialect.GEOFENCE) + "?token=" + token(tenant, false));
        try (WebSocketProbe client = WebSocketProbe.connect(uri)) {
            geofenceEvent(tenant, "truck-1", "exit");
            assertTrue(client.nextMatching(f -> f.contains("geofence_event"), WAIT).contains("\"exit\""));
        }
    }

    @Test
    void theDashboardStartsWithItsFiguresAndRecentEventsThenPushesEachNewEventAndFreshFigures() {
        String tenant = tenant();
        geofenceEvent(tenant, "truck-early", "entry");
        figures(tenant, 3, 7, 12, 8, 4);
        try (WebSocketProbe early = connect(SpatialFlowDialect.GEOFENCE, tenant, false)) {
            geofenceEvent(tenant, "truck-marker", "exit");
            early.nextMatching(f -> f.contains("truck-marker"), WAIT);
        }
        try (WebSocketProbe client = connect(SpatialFlowDialect.DASHBOARD, tenant, false)) {
            JsonNode update = json(client.next(WAIT));
            assertEquals("dashboard_update", update.get("type").asText(), "sent on connect, before anything else");
            assertEquals(List.of("type", "stats", "recent_events", "timestamp"), names(update));
            assertEquals(List.of("active_geofences", "active_devices", "events_today", "entries_today", "exits_today",
                    "timestamp"), names(update.get("stats")));
            assertEquals(3, update.at("/stats/active_geofences").asLong());
            assertEquals(7, update.at("/stats/active_devices").asLong());
            assertEquals(12, update.at("/stats/events_today").asLong());
            List<String> recent = new ArrayList<>();
            update.get("recent_events").forEach(event -> recent.add(event.get("device_id").asText()));
            assertEquals(List.of("truck-marker", "truck-early"), recent, "newest first");

            geofenceEvent(tenant, "truck-new", "entry");
            JsonNode fresh = json(client.nextMatching(f -> f.contains("new_event"), WAIT));
            assertEquals(List.of("type", "event", "timestamp"), names(fresh));
            assertEquals(GEOFENCE_EVENT, fields(fresh.get("event")));
            assertEquals("truck-new", fresh.at("/event/device_id").asText());

            figures(tenant, 3, 8, 13, 9, 4);
            JsonNode next = json(client.nextMatching(f -> f.contains("dashboard_update"), WAIT));
            assertEquals(13, next.at("/stats/events_today").asLong());
            assertEquals("truck-new", next.at("/recent_events/0/device_id").asText());
        }
    }

    @Test
    void aDashboardBeforeAnyFiguresStartsFromZeros() {
        try (WebSocketProbe client = connect(SpatialFlowDialect.DASHBOARD, tenant(), false)) {
            JsonNode update = json(client.next(WAIT));
            assertEquals("dashboard_update", update.get("type").asText());
            assertEquals(0, update.at("/stats/events_today").asLong());
            assertEquals(0, update.get("recent_events").size());
        }
    }

    @Test
    void aClientSeesItsOwnTenantOnly() {
        String mine = tenant();
        String theirs = tenant();
        try (WebSocketProbe client = connect(SpatialFlowDialect.GEOFENCE, mine, false)) {
            geofenceEvent(theirs, "their-truck", "entry");
            geofenceEvent(mine, "my-truck", "entry");
            String first = client.nextMatching(f -> f.contains("geofence_event"), WAIT);
            assertTrue(first.contains("my-truck"), "the other tenant's earlier event never arrives: " + first);
        }
    }

    @Test
    void theWebhookChannelClosesANonSuperuserAtOnceWith4003AndStreamsDeliveriesToASuperuser() {
        String tenant = tenant();
        try (WebSocketProbe user = connect(SpatialFlowDialect.WEBHOOKS, tenant, false)) {
            assertEquals(4003, user.awaitClose(WAIT));
        }
        try (WebSocketProbe admin = connect(SpatialFlowDialect.WEBHOOKS, tenant, true)) {
            WebhookStatus status = new WebhookStatus("dlv-1", "wf-1", "ex-1", 2, "https://hooks.example/in", "retrying",
                    1, 5, 503, 42L, "HTTP 503", Instant.parse("2026-02-05T14:30:05Z"),
                    Instant.parse("2026-02-05T14:30:01Z"));
            writer.send(Topics.WEBHOOKS_STATUS.name(), "dlv-1", EventTypes.WEBHOOK_STATUS, tenant, Json.encode(status));
            JsonNode message = json(admin.nextMatching(f -> f.contains("webhook_status"), WAIT));
            assertEquals(List.of("type", "delivery", "timestamp"), names(message));
            assertEquals("dlv-1", message.at("/delivery/delivery_id").asText());
            assertEquals("retrying", message.at("/delivery/status").asText());
            assertEquals(503, message.at("/delivery/http_status").asInt());
            assertEquals(42, message.at("/delivery/latency_ms").asLong());
            assertEquals(1, message.at("/delivery/attempt").asInt());
            assertEquals("2026-02-05T14:30:01Z", message.get("timestamp").asText());
        }
    }

    @Test
    void everyBadTokenIsClosedWith4001() {
        JwtClaims expired = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));
        JwtClaims foreign = DevCredentials.claims("default", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        foreign.setIssuer("https://elsewhere.example");
        JwtClaims escalated = DevCredentials.claims("default", "bob", Set.of(Role.SUPER_ADMIN), Duration.ofMinutes(5));
        escalated.setClaim("is_superuser", true);
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64(escalated.toJson()) + ".";
        for (String token : List.of(DevCredentials.signWithDevKey(expired), DevCredentials.signWithDevKey(foreign),
                unsigned)) {
            try (WebSocketProbe client = WebSocketProbe.connect(ws(SpatialFlowDialect.WEBHOOKS),
                    List.of("access_token", token))) {
                assertEquals(4001, client.awaitClose(WAIT));
            }
        }
        try (WebSocketProbe anonymous = WebSocketProbe.connect(ws(SpatialFlowDialect.DASHBOARD))) {
            assertEquals(4001, anonymous.awaitClose(WAIT), "every channel needs a workspace user");
        }
    }

    @Test
    void aWorkflowChannelStartsFromTheWorkflowAndItsCountsThenStreamsItsExecutions() {
        String tenant = tenant();
        String workflowId = "wf-" + UUID.randomUUID();
        storeWorkflow(tenant, workflowId, 4, 3, 0);
        try (WebSocketProbe client = connect(workflowPath(workflowId), tenant, false)) {
            JsonNode status = json(client.next(WAIT));
            assertEquals("workflow_status", status.get("type").asText());
            assertEquals(List.of("type", "workflow", "stats", "timestamp"), names(status));
            assertEquals(workflowId, status.at("/workflow/id").asText());
            assertEquals("Airport arrivals", status.at("/workflow/name").asText());
            assertEquals(4, status.at("/stats/executions_started").asLong());
            assertEquals(1, status.at("/stats/executions_running").asLong());

            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.STEP_STARTED, workflowId, "Airport arrivals",
                    true, "ex-9", 0, "wait", WorkflowEvent.RUNNING, null, null, null, null, Instant.now()));
            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.EXECUTION_COMPLETED, workflowId,
                    "Airport arrivals", true, "ex-9", null, null, WorkflowEvent.COMPLETED, null, null, null,
                    WorkflowStats.of(4, 4, 0), Instant.parse("2026-02-05T14:31:00Z")));
            JsonNode execution = json(client.nextMatching(f -> f.contains("execution_update"), WAIT));
            assertEquals(List.of("type", "execution", "stats", "timestamp"), names(execution));
            assertEquals("ex-9", execution.at("/execution/execution_id").asText());
            assertEquals("completed", execution.at("/execution/status").asText());
            assertEquals(0, execution.at("/stats/executions_running").asLong());

            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.WORKFLOW_DISABLED, workflowId,
                    "Airport arrivals", false, null, null, null, "disabled", null, null, null,
                    WorkflowStats.of(4, 4, 0), Instant.now()));
            List<String> rest = new ArrayList<>();
            String update = client.nextMatching(f -> {
                rest.add(f);
                return f.contains("workflow_update");
            }, WAIT);
            assertFalse(String.join("\n", rest).contains("step_update"), "steps belong to the execution's channel");
            assertFalse(json(update).at("/workflow/enabled").asBoolean());
        }
    }

    @Test
    void anotherTenantsWorkflowOrExecutionIsNotFound() {
        String owner = tenant();
        String workflowId = "wf-" + UUID.randomUUID();
        storeWorkflow(owner, workflowId, 0, 0, 0);
        storeExecution(owner, workflowId, "ex-1");
        try (WebSocketProbe stranger = connect(workflowPath(workflowId), tenant(), false)) {
            assertEquals(4004, stranger.awaitClose(WAIT));
        }
        try (WebSocketProbe stranger = connect(workflowPath(workflowId) + "executions/ex-1/", tenant(), false)) {
            assertEquals(4004, stranger.awaitClose(WAIT));
        }
        try (WebSocketProbe owner2 = connect(workflowPath(workflowId) + "executions/nope/", owner, false)) {
            assertEquals(4004, owner2.awaitClose(WAIT), "an execution that does not exist is not an empty stream");
        }
    }

    @Test
    void anExecutionChannelStartsFromTheStepsDoneSoFarThenStreamsEachStep() {
        String tenant = tenant();
        String workflowId = "wf-" + UUID.randomUUID();
        storeWorkflow(tenant, workflowId, 1, 0, 0);
        storeExecution(tenant, workflowId, "ex-1");
        try (WebSocketProbe client = connect(workflowPath(workflowId) + "executions/ex-1/", tenant, false)) {
            JsonNode snapshot = json(client.next(WAIT));
            assertEquals("execution_snapshot", snapshot.get("type").asText());
            assertEquals("ex-1", snapshot.at("/execution/execution_id").asText());
            assertEquals("running", snapshot.at("/execution/status").asText());
            assertEquals(1, snapshot.at("/execution/steps").size());
            assertEquals("succeeded", snapshot.at("/execution/steps/0/status").asText());

            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.STEP_STARTED, workflowId, "Airport arrivals",
                    true, "ex-other", 1, "webhook", WorkflowEvent.RUNNING, null, null, null, null, Instant.now()));
            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.STEP_RETRYING, workflowId, "Airport arrivals",
                    true, "ex-1", 1, "webhook", WorkflowEvent.RUNNING, 2, "HTTP 503", null, null,
                    Instant.parse("2026-02-05T14:30:09Z")));
            JsonNode step = json(client.nextMatching(f -> f.contains("step_update"), WAIT));
            assertEquals(List.of("type", "step", "timestamp"), names(step));
            assertEquals("ex-1", step.at("/step/execution_id").asText(), "another execution's steps are not sent");
            assertEquals(1, step.at("/step/index").asInt());
            assertEquals("webhook", step.at("/step/type").asText());
            assertEquals("retrying", step.at("/step/status").asText());
            assertEquals(2, step.at("/step/attempt").asInt());
            assertEquals("HTTP 503", step.at("/step/message").asText());
        }
    }

    @Test
    void theGeofenceStreamOverSseResumesFromLastEventIdWithEveryMissedEventOnceInOrder() {
        String tenant = tenant();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token(tenant, false));
        String lastId;
        try (SseProbe stream = SseProbe.open(http(SpatialFlowDialect.sse(SpatialFlowDialect.GEOFENCE)), auth)) {
            assertEquals(200, stream.status());
            geofenceEvent(tenant, "seen-1", "entry");
            SseProbe.Event seen = stream.next("geofence_event", WAIT);
            assertTrue(seen.data().contains("seen-1"));
            assertNotNull(seen.id());
            lastId = seen.id();
        }
        for (int i = 1; i <= 3; i++) {
            geofenceEvent(tenant, "missed-" + i, "exit");
        }
        writer.flush();
        Map<String, String> resume = Map.of("Authorization", "Bearer " + token(tenant, false), "Last-Event-ID", lastId);
        try (SseProbe stream = SseProbe.open(http(SpatialFlowDialect.sse(SpatialFlowDialect.GEOFENCE)), resume)) {
            List<String> devices = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                devices.add(json(stream.next("geofence_event", WAIT).data()).at("/event/device_id").asText());
            }
            assertEquals(List.of("missed-1", "missed-2", "missed-3"), devices);
            geofenceEvent(tenant, "live-1", "entry");
            assertTrue(stream.next("geofence_event", WAIT).data().contains("live-1"),
                    "the next one is live, nothing repeated");
        }
    }

    @Test
    void theSseFallbackOfAWorkflowChannelTakesTheQueryTokenAndNamesEachEventByItsType() {
        String tenant = tenant();
        String workflowId = "wf-" + UUID.randomUUID();
        storeWorkflow(tenant, workflowId, 1, 0, 0);
        storeExecution(tenant, workflowId, "ex-1");
        String path = SpatialFlowDialect.sse(workflowPath(workflowId) + "executions/ex-1/");
        try (SseProbe stream = SseProbe.open(http(path + "?token=" + token(tenant, false)), Map.of())) {
            assertEquals(200, stream.status());
            assertEquals("ex-1", json(stream.next("execution_snapshot", WAIT).data()).at("/execution/execution_id")
                    .asText());
            workflowEvent(tenant, new WorkflowEvent(id(), WorkflowEvent.STEP_SUCCEEDED, workflowId, "Airport arrivals",
                    true, "ex-1", 1, "webhook", WorkflowEvent.RUNNING, 1, null, null, null, Instant.now()));
            SseProbe.Event step = stream.next("step_update", WAIT);
            assertEquals("succeeded", json(step.data()).at("/step/status").asText());
            assertNotNull(step.id(), "resumable");
        }
        try (SseProbe stranger = SseProbe.open(http(path), Map.of("Authorization", "Bearer " + token(tenant(), false)))) {
            assertEquals(4004, json(stranger.next("close", WAIT).data()).get("code").asInt());
        }
    }

    @Test
    void aPingIsAnsweredAndAnythingElseGetsAnErrorWhileTheStreamGoesOn() {
        try (WebSocketProbe client = connect(SpatialFlowDialect.GEOFENCE, tenant(), false)) {
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", json(client.nextMatching(f -> f.contains("pong"), WAIT)).get("type").asText());
            client.send("not json");
            assertTrue(client.nextMatching(f -> f.contains("error"), WAIT).contains("Invalid JSON"));
            assertTrue(client.isOpen());
        }
    }

    private WebSocketProbe connect(String path, String tenant, boolean superuser) {
        return WebSocketProbe.connect(ws(path), List.of("access_token", token(tenant, superuser)));
    }

    private String token(String tenant, boolean superuser) {
        return issuer.issue(new Identity(tenant, "user-1", Set.of(Role.USER), superuser)).toCompletableFuture().join()
                .accessToken();
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String workflowPath(String workflowId) {
        return "/ws/workflows/" + workflowId + "/";
    }

    private URI ws(String path) {
        return URI.create("ws://" + root.getHost() + ":" + root.getPort() + path);
    }

    private URI http(String path) {
        return root.resolve(path);
    }

    private static void geofenceEvent(String tenant, String device, String type) {
        GeofenceEvent event = new GeofenceEvent(id(), device, "123e4567-e89b-12d3-a456-426614174000",
                "Downtown Delivery Zone", type, new GeoPoint(37.7749, -122.4194), Instant.now());
        writer.send(Topics.GEOFENCE_EVENTS.name(), device, EventTypes.GEOFENCE_EVENT, tenant, Json.encode(event));
    }

    private static void figures(String tenant, long geofences, long devices, long events, long entries, long exits) {
        ObjectNode data = Json.mapper().createObjectNode().put("active_geofences", geofences)
                .put("active_devices", devices).put("events_today", events).put("entries_today", entries)
                .put("exits_today", exits);
        writer.send(Topics.STATS_UPDATES.name(), tenant + "/dashboard", EventTypes.STATS_UPDATE, tenant,
                Json.encode(new StatsUpdate("dashboard", data, Instant.now())));
    }

    private static void workflowEvent(String tenant, WorkflowEvent event) {
        writer.send(Topics.WORKFLOWS_EVENTS.name(), event.workflowId(), EventTypes.WORKFLOW_EVENT, tenant,
                Json.encode(event));
    }

    private void storeWorkflow(String tenant, String workflowId, long started, long completed, long failed) {
        String definition = "{\"id\":\"" + workflowId + "\",\"name\":\"Airport arrivals\",\"enabled\":true,"
                + "\"trigger\":{\"geofence_id\":\"zrh-airport\",\"event_type\":\"entry\"},\"steps\":[],"
                + "\"created_at\":\"2026-02-05T10:00:00Z\",\"updated_at\":\"2026-02-05T10:00:00Z\"}";
        redis.batch(List.of(Request.cmd(Command.HSET).arg(WorkflowKeys.workflows(tenant)).arg(workflowId).arg(definition),
                Request.cmd(Command.HSET).arg(WorkflowKeys.stats(tenant, workflowId)).arg("started").arg(started)
                        .arg("completed").arg(completed).arg("failed").arg(failed)))
                .toCompletionStage().toCompletableFuture().join();
    }

    private void storeExecution(String tenant, String workflowId, String executionId) {
        WorkflowExecution execution = new WorkflowExecution(executionId, workflowId, WorkflowEvent.RUNNING, "gev-1",
                Instant.parse("2026-02-05T14:30:00Z"), null, List.of(new WorkflowExecution.Step(0, "wait", "succeeded",
                        1, null, Instant.parse("2026-02-05T14:30:00Z"), Instant.parse("2026-02-05T14:30:02Z"))));
        redis.send(Request.cmd(Command.HSET).arg(WorkflowKeys.executions(tenant)).arg(executionId)
                .arg(new String(Json.encode(execution), StandardCharsets.UTF_8)))
                .toCompletionStage().toCompletableFuture().join();
    }

    private static List<String> names(JsonNode message) {
        List<String> names = new ArrayList<>();
        message.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
