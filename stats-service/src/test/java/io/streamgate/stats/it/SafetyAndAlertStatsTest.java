package io.streamgate.stats.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.platform.alerts.AlertAcknowledged;
import io.streamgate.platform.alerts.AlertTriggered;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.topic.Topics;
import io.streamgate.stats.StatsFixture;

/** {@code safety.events} and {@code alerts.triggered} → {@code safety_stats} and {@code alert_stats}. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SafetyAndAlertStatsTest {

    private static StatsFixture kafka;

    @BeforeAll
    static void open() {
        kafka = new StatsFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void safetyEpisodesCountOncePerEpisodeAndLeaveActiveWhenTheyEnd() {
        String tenant = StatsFixture.tenant("safe");
        Instant now = Instant.now();
        SafetyEvent squawk = event(1, "emergency_squawk", "critical", true, now);
        SafetyEvent ta = event(2, "TCAS_TA", "medium", true, now);
        send(tenant, squawk);
        send(tenant, squawk); // read twice (at least once): still one episode
        send(tenant, ta);
        send(tenant, event(2, "TCAS_TA", "high", true, now.plusSeconds(1))); // escalated
        send(tenant, event(3, "low_altitude", "low", true, now));
        send(tenant, event(3, "low_altitude", "low", false, now.plusSeconds(2))); // ended

        JsonNode stats = StatsFixture.awaitFigures(tenant, "safety_stats",
                d -> d.at("/active/total").asInt() == 2 && d.at("/today/total").asInt() == 3
                        && d.at("/active/by_severity/high").asInt() == 1);
        assertEquals(1, stats.at("/active/by_type/emergency_squawk").asInt());
        assertEquals(1, stats.at("/active/by_type/TCAS_TA").asInt());
        assertEquals(1, stats.at("/active/by_severity/critical").asInt());
        assertEquals(0, stats.at("/active/by_severity/medium").asInt(), "the escalated episode counts as high");
        assertEquals(0, stats.at("/active/by_severity/low").asInt());
        assertEquals(1, stats.at("/today/by_type/low_altitude").asInt());
        assertEquals(1, stats.at("/today/by_severity/low").asInt());
    }

    @Test
    void alertsCountByPriorityAndRuleAndAcknowledgementsAreCounted() {
        String tenant = StatsFixture.tenant("alert");
        Instant now = Instant.now();
        trigger(tenant, 101, "r-1", "Military", "high", now);
        trigger(tenant, 102, "r-1", "Military", "high", now);
        trigger(tenant, 103, "r-2", "Emergencies", "critical", now);
        kafka.send(Topics.ALERTS_TRIGGERED, "r-1", tenant, EventTypes.ALERT_ACKNOWLEDGED, now,
                new AlertAcknowledged(List.of(101L, 103L), "alice", now));
        kafka.send(Topics.ALERTS_TRIGGERED, "s-1", tenant, EventTypes.SENSOR_ALERT, now,
                new SensorAlert("sa-1", "s-1", "press-7", "temperature", "critical", "too hot", 95.0, 90.0, now));

        JsonNode stats = StatsFixture.awaitFigures(tenant, "alert_stats",
                d -> d.get("total").asInt() == 3 && d.get("acknowledged").asInt() == 2
                        && d.at("/sensor_alerts/total").asInt() == 1);
        assertEquals(1, stats.get("unacknowledged").asInt());
        assertEquals(2, stats.at("/by_priority/high").asInt());
        assertEquals(1, stats.at("/by_priority/critical").asInt());
        assertEquals(0, stats.at("/by_priority/low").asInt());
        assertEquals("r-1", stats.at("/by_rule/0/rule_id").asText());
        assertEquals("Military", stats.at("/by_rule/0/rule_name").asText());
        assertEquals(2, stats.at("/by_rule/0/count").asInt());
        assertEquals(1, stats.at("/by_rule/0/acknowledged").asInt());
        assertEquals(1, stats.at("/by_rule/1/count").asInt());
        assertEquals(1, stats.at("/sensor_alerts/by_severity/critical").asInt());
        assertEquals(0, stats.at("/sensor_alerts/by_severity/warning").asInt());
    }

    private static void trigger(String tenant, long id, String rule, String name, String priority, Instant at) {
        kafka.send(Topics.ALERTS_TRIGGERED, rule, tenant, EventTypes.ALERT_TRIGGERED, at, new AlertTriggered(id, rule,
                name, "ae1234", "RCH123", name + " matched", priority, Map.of("hex", "ae1234"), at, null));
    }

    private static SafetyEvent event(long id, String type, String severity, boolean active, Instant at) {
        return new SafetyEvent(id, at, type, severity, "a0000" + id, null, null, null, type, Map.of(), at, at, active,
                false);
    }

    private static void send(String tenant, SafetyEvent event) {
        kafka.send(Topics.SAFETY_EVENTS, Long.toString(event.id()), tenant, EventTypes.SAFETY_EVENT, event.timestamp(),
                event);
    }
}
