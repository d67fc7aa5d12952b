package io.streamgate.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.RedisServer;
import io.streamgate.devstack.Service;
import io.streamgate.devstack.Stack;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * Redis SIGKILLed under live traffic and started again on its port and directory (issue #21): what users wrote
 * through the services' APIs before — an API key, an alert rule, an alert's acknowledgement, a workflow — is
 * read back through the same APIs afterwards, the key still authenticates, and the services (whose Redis clients
 * reconnect by themselves) take new writes again. Redis keeps them because it persists (append-only file, as
 * docs/operations.md asks of a production Redis); without that the restart would be a Redis that lost them all.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RedisRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TENANT = "redis_restart";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String RULE = "{\"name\": \"Below 1000 ft\", \"conditions\": {\"altitude\": {\"max\": 1000}}}";
    private static final String WORKFLOW = """
            {"name": "Hangar arrivals",
             "trigger": {"geofence_id": "hangar-7", "event_type": "entry", "device_pattern": "tug-*"},
             "steps": [{"type": "webhook", "url": "https://hooks.example.com/in", "timeout_seconds": 1}]}""";

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.start(false, EnumSet.of(Service.INGEST, Service.SAFETY));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void whatUsersWroteSurvivesARedisKillAndTheServicesAnswerAgain() {
        String admin = stack.infrastructure().credentials().token(TENANT, "faults-redis", Set.of(Role.TENANT_ADMIN),
                Duration.ofMinutes(30));
        URI ingest = stack.url(Service.INGEST);
        URI safety = stack.url(Service.SAFETY);

        JsonNode key = created(send(ingest, "POST", "/v1/admin/api-keys", admin,
                "{\"name\":\"feeder-1\",\"prefix\":\"sk_live_\",\"roles\":[\"user\"]}"));
        JsonNode rule = created(send(safety, "POST", "/v1/alerts/rules", admin, RULE));
        JsonNode workflow = created(send(safety, "POST", "/v1/workflows", admin, WORKFLOW));
        String ruleId = rule.get("id").asText();
        // The rule's first alert: a low aircraft posted until the evaluator (which reloads rules between polls)
        // has matched it and stored it in the tenant's history.
        Deadline.await("an alert of rule " + ruleId, WAIT, () -> {
            send(ingest, "POST", "/v1/aircraft", admin, lowAircraft());
            return alertOf(safety, admin, ruleId, a -> true) != null;
        });
        JsonNode alert = alertOf(safety, admin, ruleId, a -> true);
        Answer acknowledged = send(safety, "POST", "/v1/alerts/" + alert.get("id").asText()
                + "/acknowledge", admin, null);
        assertEquals(200, acknowledged.status(), acknowledged.body());

        RedisServer redis = stack.infrastructure().redis();
        try (AircraftFeed traffic = new AircraftFeed("aircraft", () -> ingest, admin, 0xfb0000)) {
            traffic.start(Duration.ofMillis(100));
            Deadline.await("traffic before the fault", WAIT, () -> traffic.accepted().size() >= 5);
            long killed = System.nanoTime();
            redis.kill();
            redis.start();
            long restarted = System.nanoTime();

            // Each service answers again once its Redis client has reconnected: a new write is the proof.
            Deadline.await("safety-service writing to Redis again", WAIT,
                    () -> send(safety, "POST", "/v1/alerts/rules", admin, RULE).status() == 201);
            long safetyBack = System.nanoTime();
            Deadline.await("ingest writing to Redis again", WAIT, () -> send(ingest, "POST", "/v1/admin/api-keys",
                    admin, "{\"name\":\"feeder-2\",\"prefix\":\"sk_live_\"}").status() == 201);
            long ingestBack = System.nanoTime();
            Deadline.await("traffic after the restart", WAIT, () -> traffic.attempts().stream()
                    .anyMatch(a -> a.sentNanos() > restarted && a.outcome().accepted()));
            traffic.stop();

            // The API key: still listed, and still a credential (safety-service verifies it against Redis).
            Answer keys = send(ingest, "GET", "/v1/admin/api-keys", admin, null);
            assertEquals(200, keys.status(), keys.body());
            assertTrue(keys.body().contains(key.get("id").asText()), "API key listed after the restart: " + keys.body());
            Answer withKey = send(safety, "GET", "/v1/alerts/rules", key.get("key").asText(), null);
            assertEquals(200, withKey.status(), "the API key authenticates after the restart: " + withKey.body());

            // The rule, as written.
            Answer readRule = send(safety, "GET", "/v1/alerts/rules/" + ruleId, admin, null);
            assertEquals(200, readRule.status(), readRule.body());
            assertEquals(rule, json(readRule.body()), "the rule as it was created");

            // The acknowledgement: the alert is in the history, acknowledged by the same user.
            JsonNode after = alertOf(safety, admin, ruleId, a -> a.get("id").equals(alert.get("id")));
            assertTrue(after != null, "the alert is in the history after the restart");
            assertTrue(after.get("acknowledged").asBoolean(), "the alert is still acknowledged: " + after);
            assertEquals("faults-redis", after.get("acknowledged_by").asText());

            // The workflow, as written.
            String workflowId = workflow.get("id").asText();
            Answer readWorkflow = send(safety, "GET", "/v1/workflows/" + workflowId, admin, null);
            assertEquals(200, readWorkflow.status(), readWorkflow.body());
            JsonNode stored = json(readWorkflow.body());
            assertEquals(workflow.get("name"), stored.get("name"));
            assertEquals(workflow.get("trigger"), stored.get("trigger"));
            assertEquals(workflow.get("steps"), stored.get("steps"));

            System.out.printf(Locale.ROOT, "Redis SIGKILL and restart: Redis back in %.2f s; safety-service writing "
                    + "again %.2f s and ingest %.2f s after the kill; traffic meanwhile %s; API key, alert rule, "
                    + "alert acknowledgement and workflow read back unchanged%n", (restarted - killed) / 1e9,
                    (safetyBack - killed) / 1e9, (ingestBack - killed) / 1e9, traffic.outcomes());
        }
    }

    private static String lowAircraft() {
        return String.format(Locale.ROOT, "{\"now\":%d.0,\"aircraft\":[{\"hex\":\"fbffff\",\"flight\":\"LOW1 \","
                + "\"lat\":47.45,\"lon\":8.56,\"alt_baro\":500,\"gs\":90,\"seen_pos\":0.1,\"seen\":0.1}]}",
                System.currentTimeMillis() / 1000);
    }

    /** The newest alert of {@code ruleId} in the tenant's history that {@code which} accepts, else null. */
    private static JsonNode alertOf(URI safety, String token, String ruleId, Predicate<JsonNode> which) {
        Answer history = send(safety, "GET", "/v1/alerts", token, null);
        if (history.status() != 200) {
            return null;
        }
        for (JsonNode alert : json(history.body())) {
            if (ruleId.equals(alert.path("rule_id").asText()) && which.test(alert)) {
                return alert;
            }
        }
        return null;
    }

    private static JsonNode created(Answer response) {
        assertEquals(201, response.status(), response.body());
        return json(response.body());
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's answer; status 0 when it gave none (refused, timed out), so that a wait can retry. */
    private record Answer(int status, String body) {
    }

    private static Answer send(URI service, String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
