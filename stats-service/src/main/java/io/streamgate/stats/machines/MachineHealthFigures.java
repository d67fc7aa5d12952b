package io.streamgate.stats.machines;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.store.RedisReads;

/**
 * {@code machine_health}: {@code {total, by_status {healthy, warning, critical, offline}}}, machines counted by
 * their current status.
 */
@ApplicationScoped
public class MachineHealthFigures implements Figures {

    private final RedisReads redis;

    MachineHealthFigures(RedisReads redis) {
        this.redis = redis;
    }

    @Override
    public String statType() {
        return "machine_health";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("healthy", "warning", "critical", "offline")) {
            byStatus.put(status, 0L);
        }
        List<String> statuses = redis.hvals(MachineStatusRecorder.statuses(tenant));
        statuses.forEach(status -> byStatus.merge(status, 1L, Long::sum));
        ObjectNode data = Nodes.object();
        data.put("total", statuses.size());
        data.set("by_status", Nodes.counts(byStatus));
        return data;
    }
}
