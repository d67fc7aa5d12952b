package io.streamgate.safety.alerts;

import static io.streamgate.safety.alerts.AlertTraffic.json;
import static io.streamgate.safety.alerts.AlertTraffic.nextHex;
import static io.streamgate.safety.alerts.AlertsApi.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;

/** The alert history and acknowledgements: Redis for reads, {@code alert.acknowledged} on Kafka for others. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertAcknowledgementTest {

    @Test
    void alertsAreListedNewestFirstAndAcknowledgedOneOrAll() {
        String tenant = AlertsApi.newTenant();
        String other = AlertsApi.newTenant();
        try (AlertTraffic traffic = new AlertTraffic(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            String rule = AlertsApi.createRule(tenant, AlertsApi.rule("ack me", "\"callsign\": \"ACK*\"", 300));
            String otherRule = AlertsApi.createRule(tenant, AlertsApi.rule("and me", "\"squawk\": [\"7000\"]", 300));
            long first = json(traffic.publishUntilTriggered(tenant, rule,
                    Aircraft.of(nextHex()).flight("ACK1"))).get("id").asLong();
            long second = json(traffic.publishUntilTriggered(tenant, rule,
                    Aircraft.of(nextHex()).flight("ACK2"))).get("id").asLong();
            long third = json(traffic.publishUntilTriggered(tenant, otherRule,
                    Aircraft.of(nextHex()).squawk("7000"))).get("id").asLong();

            JsonPath history = as(tenant).get("/v1/alerts").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(third, second, first), history.getList("id", Long.class), "newest first");
            assertEquals(List.of(false, false, false), history.getList("acknowledged", Boolean.class));
            assertEquals("ack me", history.getString("[1].rule_name"));
            as(tenant).queryParam("limit", 2).get("/v1/alerts").then().statusCode(200)
                    .body("id", equalTo(List.of((int) third, (int) second)));
            as(other).get("/v1/alerts").then().statusCode(200).body("$", empty());

            // Another tenant cannot acknowledge it; unknown ids are 404.
            as(other).post("/v1/alerts/" + first + "/acknowledge").then().statusCode(404)
                    .contentType("application/problem+json");
            as(tenant).post("/v1/alerts/999999/acknowledge").then().statusCode(404);
            as(tenant).post("/v1/alerts/not-a-number/acknowledge").then().statusCode(404);

            as(tenant).post("/v1/alerts/" + first + "/acknowledge").then().statusCode(200)
                    .body("alert_ids", equalTo(List.of((int) first)))
                    .body("acknowledged_by", equalTo("test-" + tenant));
            ConsumerRecord<String, byte[]> ack = traffic.awaitAcknowledged(tenant, 1).get(0);
            assertEquals(EventTypes.ALERT_ACKNOWLEDGED, KafkaBinaryBinding.read(ack.headers()).type());
            assertEquals(rule, ack.key(), "keyed by the rule id of the alert");
            assertEquals(List.of(first), ids(json(ack)));
            assertEquals("test-" + tenant, json(ack).get("acknowledged_by").asText());

            history = as(tenant).get("/v1/alerts").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(false, false, true), history.getList("acknowledged", Boolean.class));
            assertEquals("test-" + tenant, history.getString("[2].acknowledged_by"));
            // Acknowledging again changes nothing and announces nothing.
            as(tenant).post("/v1/alerts/" + first + "/acknowledge").then().statusCode(200)
                    .body("alert_ids", empty());

            as(tenant).post("/v1/alerts/acknowledge-all").then().statusCode(200)
                    .body("alert_ids", equalTo(List.of((int) second, (int) third)));
            List<ConsumerRecord<String, byte[]>> acks = traffic.awaitAcknowledged(tenant, 3);
            assertEquals(3, traffic.acknowledged(tenant, Duration.ofMillis(300)).size(),
                    "one record per rule, none for the repeat");
            for (ConsumerRecord<String, byte[]> record : acks.subList(1, 3)) {
                assertEquals(record.key().equals(rule) ? List.of(second) : List.of(third), ids(json(record)));
                assertTrue(List.of(rule, otherRule).contains(record.key()));
            }
            as(tenant).get("/v1/alerts").then().statusCode(200).body("acknowledged", equalTo(List.of(true, true, true)));
            as(tenant).post("/v1/alerts/acknowledge-all").then().statusCode(200).body("alert_ids", empty());
        }
    }

    @Test
    void aBadHistoryQueryIsRefusedNamingTheParameter() {
        String tenant = AlertsApi.newTenant();
        as(tenant).queryParam("hours", 0).get("/v1/alerts").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/hours")));
        as(tenant).queryParam("hours", 169).get("/v1/alerts").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/hours")));
        as(tenant).queryParam("hours", "x").queryParam("limit", 1001).get("/v1/alerts").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/hours", "/limit")));
        as(tenant).queryParam("limit", "ten").get("/v1/alerts").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/limit")));
        as(tenant).queryParam("hours", 168).queryParam("limit", 1000).get("/v1/alerts").then().statusCode(200);
    }

    private static List<Long> ids(JsonNode acknowledged) {
        return java.util.stream.StreamSupport.stream(acknowledged.get("alert_ids").spliterator(), false)
                .map(JsonNode::asLong).toList();
    }
}
