package io.streamgate.stats.safety;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;

/**
 * {@code alert_stats}: today's (UTC) alerts: {@code {date, total, acknowledged, unacknowledged,
 * by_priority {critical, high, medium, low}, by_rule: [{rule_id, rule_name, count, acknowledged}],
 * sensor_alerts: {total, by_severity {critical, warning, info}}}}.
 */
@ApplicationScoped
public class AlertStatsFigures implements Figures {

    private final RedisReads redis;

    AlertStatsFigures(RedisReads redis) {
        this.redis = redis;
    }

    @Override
    public String statType() {
        return "alert_stats";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        LocalDate today = Days.day(now);
        Set<String> acknowledgedIds = new HashSet<>(redis.smembers(SafetyKeys.acknowledged(tenant)));
        Map<String, Long> byPriority = zeros("critical", "high", "medium", "low");
        Map<String, ObjectNode> byRule = new TreeMap<>();
        long total = 0;
        long acknowledged = 0;
        for (String json : redis.hvals(SafetyKeys.alerts(tenant, today))) {
            AlertEntry alert = Json.decode(json.getBytes(StandardCharsets.UTF_8), AlertEntry.class);
            boolean acked = acknowledgedIds.contains(Long.toString(alert.id()));
            total++;
            acknowledged += acked ? 1 : 0;
            byPriority.merge(alert.priority() == null ? "unknown" : alert.priority(), 1L, Long::sum);
            String rule = alert.ruleId() == null ? "" : alert.ruleId();
            ObjectNode entry = byRule.computeIfAbsent(rule, r -> {
                ObjectNode node = Nodes.object().put("rule_id", r).put("count", 0L).put("acknowledged", 0L);
                node.put("rule_name", alert.ruleName());
                return node;
            });
            entry.put("count", entry.get("count").asLong() + 1);
            entry.put("acknowledged", entry.get("acknowledged").asLong() + (acked ? 1 : 0));
        }
        Map<String, Long> sensorBySeverity = zeros("critical", "warning", "info");
        List<String> sensor = redis.hvals(SafetyKeys.sensorAlerts(tenant, today));
        sensor.forEach(severity -> sensorBySeverity.merge(severity, 1L, Long::sum));

        ObjectNode data = Nodes.object();
        data.put("date", today.toString());
        data.put("total", total);
        data.put("acknowledged", acknowledged);
        data.put("unacknowledged", total - acknowledged);
        data.set("by_priority", Nodes.counts(byPriority));
        ArrayNode rules = data.putArray("by_rule");
        byRule.values().forEach(rules::add);
        ObjectNode sensorNode = data.putObject("sensor_alerts");
        sensorNode.put("total", sensor.size());
        sensorNode.set("by_severity", Nodes.counts(sensorBySeverity));
        return data;
    }

    private static Map<String, Long> zeros(String... names) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, 0L);
        }
        return map;
    }
}
