package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.alerts.RedisAlertStore;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** SkySpy's {@code /ws/alerts/} over safety-service's rule triggers, and {@code /ws/stats/} over stats-service. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyAlertsAndStatsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static KafkaProducer<String, byte[]> producer;

    @TestHTTPResource("/")
    URI root;

    @Inject
    RedisAlertStore alerts;

    @BeforeAll
    static void producer() {
        producer = DevstackProducer.open();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void alertsNeedATokenEvenInHybridMode() {
        try (WebSocketProbe anonymous = WebSocketProbe.connect(ws("/ws/alerts/"))) {
            assertEquals(SkySpyCloseCodes.UNAUTHORIZED, anonymous.awaitClose(WAIT));
        }
    }

    @Test
    void aTriggeredAlertArrivesImmediatelyInSkySpysShapeOnlyForItsTenant() {
        String tenant = "alerts-" + unique();
        String rule = "rule-" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/alerts/"), bearer(tenant));
                WebSocketProbe stranger = WebSocketProbe.connect(ws("/ws/alerts/"), bearer("other-" + unique()))) {
            awaitLive(client);
            awaitLive(stranger);
            // A sensor threshold alert shares the topic; it is Haltless's, and SkySpy clients never see it.
            send(Topics.ALERTS_TRIGGERED.name(), rule, EventTypes.SENSOR_ALERT, tenant,
                    "{\"alert_id\":\"s1\",\"rule_id\":\"" + rule + "\",\"machine_id\":\"press-1\"}");
            send(Topics.ALERTS_TRIGGERED.name(), rule, EventTypes.ALERT_TRIGGERED, tenant, alert(457, rule));

            JsonNode triggered = json(client.nextMatching(f -> f.contains(rule), WAIT));
            assertEquals("alert:triggered", triggered.path("type").asText());
            JsonNode data = triggered.path("data");
            assertEquals(457, data.path("id").asLong());
            assertEquals(rule, data.path("rule_id").asText());
            assertEquals("Low Altitude Alert", data.path("rule_name").asText());
            assertEquals("medium", data.path("priority").asText());
            assertEquals(800, data.path("aircraft_data").path("alt_baro").asInt());
            assertFalse(triggered.path("event_id").asText().isEmpty(), "resumable like every never-dropped event");

            send(Topics.ALERTS_TRIGGERED.name(), rule, EventTypes.ALERT_ACKNOWLEDGED, tenant,
                    "{\"alert_ids\":[457],\"acknowledged_by\":\"u1\",\"acknowledged_at\":\"2026-11-23T10:00:00Z\"}");
            assertEquals("alert:acknowledged",
                    json(client.nextMatching(f -> f.contains("alert_ids"), WAIT)).path("type").asText());

            List<String> strangerGot = stranger.pollFor(Duration.ofMillis(500));
            assertTrue(strangerGot.stream().noneMatch(f -> f.contains(rule)), "another tenant's alert leaked");
        }
    }

    @Test
    void alertRequestsReadTheHistoryAndRulesAndAcknowledgeAsSafetyServiceDoes() throws Exception {
        String tenant = "alert-requests-" + unique();
        String subject = "test-" + tenant;
        AlertRule.Conditions lowAltitude = new AlertRule.Conditions(new AlertRule.Range(null, 1000.0), null, null,
                null, null, null, null, null, null);
        Instant now = Instant.now();
        AlertRule mine = new AlertRule("rule-" + unique(), "Low Altitude Alert", true, "medium", 300, subject,
                lowAltitude, now, now);
        AlertRule theirs = new AlertRule("rule-" + unique(), "Someone else's", true, "low", 300, "someone-else",
                lowAltitude, now, now);
        AlertRule disabled = new AlertRule("rule-" + unique(), "Switched off", false, "low", 300, subject,
                lowAltitude, now, now);
        for (AlertRule rule : List.of(mine, theirs, disabled)) {
            alerts.saveRule(tenant, rule).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        long id = alerts.nextAlertId(tenant).toCompletableFuture().get(10, TimeUnit.SECONDS);
        alerts.recordAlert(tenant, new AlertTriggered(id, mine.id(), mine.name(), "a1b2c3", "N12345",
                "Aircraft below 1000ft detected", "medium", Map.of("hex", "a1b2c3", "alt_baro", 800), now, subject),
                1000, Duration.ofDays(7), now).toCompletableFuture().get(10, TimeUnit.SECONDS);

        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/alerts/"), bearer(tenant))) {
            awaitLive(client);
            JsonNode history = request(client, "alerts", "{\"hours\":1}");
            assertEquals(1, history.path("data").size(), history.toString());
            assertEquals(id, history.path("data").path(0).path("id").asLong());
            assertFalse(history.path("data").path(0).path("acknowledged").asBoolean());

            JsonNode rules = request(client, "alert-rules", "{}");
            assertEquals(2, rules.path("data").size(), "the enabled rules of the tenant: " + rules);
            JsonNode subscriptions = request(client, "my-subscriptions", "{}");
            assertEquals(2, subscriptions.path("data").size(), "the caller's own rules: " + subscriptions);

            // The announcement may reach the socket before or after the response: read until both came.
            client.send("{\"action\":\"request\",\"type\":\"acknowledge-alert\",\"request_id\":\"ack-1\","
                    + "\"params\":{\"id\":" + id + "}}");
            JsonNode acknowledged = null;
            JsonNode announced = null;
            while (acknowledged == null || announced == null) {
                JsonNode frame = json(client.nextMatching(f -> f.contains("\"ack-1\"")
                        || f.contains("alert:acknowledged"), WAIT));
                if (frame.path("type").asText().equals("alert:acknowledged")) {
                    announced = frame;
                } else {
                    acknowledged = frame;
                }
            }
            assertEquals(id, acknowledged.path("data").path("alert_ids").path(0).asLong(), acknowledged.toString());
            assertEquals(subject, acknowledged.path("data").path("acknowledged_by").asText());
            assertEquals(id, announced.path("data").path("alert_ids").path(0).asLong(),
                    "announced on alerts.triggered, so every client (and stats-service) learns of it");

            assertTrue(request(client, "alerts", "{}").path("data").path(0).path("acknowledged").asBoolean());
            assertEquals(0, request(client, "acknowledge-all-alerts", "{}").path("data").path("alert_ids").size(),
                    "nothing left to acknowledge");
            assertEquals("error", request(client, "acknowledge-alert", "{\"id\":" + (id + 1000) + "}")
                    .path("type").asText(), "an unknown alert");
        }
    }

    @Test
    void statsAreSentOnSubscribeAnsweredOnRequestAndConflatedToOneUpdatePerInterval() {
        String tenant = "stats-" + unique();
        publishStats(tenant, "aircraft_stats", 0);
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/stats/"), bearer(tenant))) {
            client.send("{\"type\":\"stats.subscribe\",\"stat_types\":[\"aircraft_stats\"]}");
            JsonNode subscribed = json(client.nextMatching(f -> f.contains("stats.subscribed"), WAIT));
            assertEquals("aircraft_stats", subscribed.path("stat_types").path(0).asText());
            JsonNode current = json(client.nextMatching(f -> f.contains("stats.update"), WAIT));
            assertEquals("aircraft_stats", current.path("stat_type").asText());
            assertEquals(0, current.path("data").path("total").asInt(), "the figures already known, at once");

            client.send("{\"type\":\"stats.request\",\"stat_type\":\"aircraft_stats\",\"request_id\":\"123\"}");
            JsonNode response = json(client.nextMatching(f -> f.contains("stats.response"), WAIT));
            assertEquals("123", response.path("request_id").asText());
            assertEquals(0, response.path("data").path("total").asInt());
            client.send("{\"type\":\"stats.request\",\"stat_type\":\"nonexistent\",\"request_id\":\"124\"}");
            JsonNode error = json(client.nextMatching(f -> f.contains("\"124\""), WAIT));
            assertEquals("error", error.path("type").asText());

            for (int total = 1; total <= 5; total++) {
                publishStats(tenant, "aircraft_stats", total);
            }
            List<Integer> seen = new ArrayList<>();
            while (seen.isEmpty() || seen.get(seen.size() - 1) != 5) {
                JsonNode update = json(client.nextMatching(f -> f.contains("stats.update"), WAIT));
                seen.add(update.path("data").path("total").asInt());
            }
            assertTrue(seen.size() <= 2, "five updates within one interval reach the client as at most two "
                    + "(the first, then the latest): " + seen);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // the SSE reader blocks; an interrupt ends a silent stream
    void theStatsSseFallbackSendsTheChosenTypes() throws Exception {
        // Anonymous clients of a hybrid deployment read the default tenant's (public) statistics.
        String type = "tracking_quality_" + unique();
        publishStats("default", type, 7);
        URI sse = root.resolve("/sse/stats/?stat_types=" + type);
        try (SkySpyEventEndpointsTest.SseReader reader = SkySpyEventEndpointsTest.SseReader.open(
                java.net.http.HttpClient.newHttpClient(), sse, null)) {
            assertEquals("stats.subscribed", reader.next(event -> true).name());
            SkySpyEventEndpointsTest.SseReader.Event update = reader.next(event -> true);
            assertEquals("stats.update", update.name());
            assertEquals(type, json(update.data()).path("stat_type").asText());
            assertEquals(7, json(update.data()).path("data").path("total").asInt());
        }
    }

    private static JsonNode request(WebSocketProbe client, String type, String params) {
        String requestId = "r-" + unique();
        client.send("{\"action\":\"request\",\"type\":\"" + type + "\",\"request_id\":\"" + requestId
                + "\",\"params\":" + params + "}");
        return json(client.nextMatching(f -> f.contains("\"" + requestId + "\""), WAIT));
    }

    private void publishStats(String tenant, String type, int total) {
        send(Topics.STATS_UPDATES.name(), tenant + "/" + type, "io.streamgate.stats.update", tenant,
                "{\"stat_type\":\"" + type + "\",\"data\":{\"total\":" + total + ",\"with_position\":" + total
                        + "},\"computed_at\":\"" + Instant.now() + "\"}");
    }

    private static String alert(long id, String rule) {
        return "{\"id\":" + id + ",\"rule_id\":\"" + rule + "\",\"rule_name\":\"Low Altitude Alert\","
                + "\"icao_hex\":\"A1B2C3\",\"callsign\":\"N12345\",\"message\":\"Aircraft below 1000ft detected\","
                + "\"priority\":\"medium\",\"aircraft_data\":{\"hex\":\"A1B2C3\",\"alt_baro\":800,\"lat\":34.05,"
                + "\"lon\":-118.25},\"triggered_at\":\"2024-01-15T10:31:00.000Z\",\"owner\":\"u1\"}";
    }

    private static void send(String topic, String key, String type, String tenant, String json) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, Instant.now(), key, tenant), headers);
        try {
            producer.send(new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitLive(WebSocketProbe client) {
        client.send("{\"action\":\"ping\"}");
        client.nextMatching(f -> f.contains("pong"), WAIT);
    }

    private static Map<String, String> bearer(String tenant) {
        return Map.of("Authorization", "Bearer " + DevCredentials.tokenFor(tenant, Role.USER));
    }

    private URI ws(String path) {
        return URI.create(root.resolve(path).toString().replaceFirst("^http", "ws"));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}
