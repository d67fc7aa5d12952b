package io.streamgate.stats.safety;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;

/**
 * {@code safety_stats}: {@code {date, active: {total, by_type, by_severity}, today: {total, by_type,
 * by_severity}}}; {@code today} counts the episodes first seen today (UTC) with their latest severity;
 * {@code by_severity} always lists critical, high, medium and low.
 */
@ApplicationScoped
public class SafetyStatsFigures implements Figures {

    private final RedisReads redis;

    SafetyStatsFigures(RedisReads redis) {
        this.redis = redis;
    }

    @Override
    public String statType() {
        return "safety_stats";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        ObjectNode data = Nodes.object();
        data.put("date", Days.day(now).toString());
        data.set("active", summary(redis.hvals(SafetyKeys.active(tenant))));
        data.set("today", summary(redis.hvals(SafetyKeys.day(tenant, Days.day(now)))));
        return data;
    }

    private static ObjectNode summary(List<String> kinds) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String severity : List.of(SafetyEvent.CRITICAL, SafetyEvent.HIGH, SafetyEvent.MEDIUM, SafetyEvent.LOW)) {
            bySeverity.put(severity, 0L);
        }
        for (String kind : kinds) {
            int bar = kind.lastIndexOf('|');
            if (bar < 0) {
                continue;
            }
            byType.merge(kind.substring(0, bar), 1L, Long::sum);
            bySeverity.merge(kind.substring(bar + 1), 1L, Long::sum);
        }
        ObjectNode node = Nodes.object();
        node.put("total", kinds.size());
        node.set("by_type", Nodes.counts(byType));
        node.set("by_severity", Nodes.counts(bySeverity));
        return node;
    }
}
