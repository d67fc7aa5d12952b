package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;

/**
 * {@code common_aircraft_types}: distinct aircraft seen today (UTC) by kind: {@code {date, aircraft,
 * by_type: [{type_code, count}], by_category: [{category, count}], unknown_type, unknown_category}}, lists
 * largest first and capped at {@code top-n}.
 */
@ApplicationScoped
public class CommonTypesFigures implements Figures {

    private final KindsToday kinds;
    private final int topN;

    CommonTypesFigures(KindsToday kinds, StatsConfig config) {
        this.kinds = kinds;
        this.topN = config.aircraft().topN();
    }

    @Override
    public String statType() {
        return "common_aircraft_types";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        List<Kind> today = kinds.read(tenant, now);
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        long unknownType = 0;
        long unknownCategory = 0;
        for (Kind kind : today) {
            if (kind.typeCode() == null) {
                unknownType++;
            } else {
                byType.merge(kind.typeCode(), 1L, Long::sum);
            }
            if (kind.category() == null) {
                unknownCategory++;
            } else {
                byCategory.merge(kind.category(), 1L, Long::sum);
            }
        }
        ObjectNode data = Nodes.object();
        data.put("date", Days.day(now).toString());
        data.put("aircraft", today.size());
        data.set("by_type", Nodes.ranking(byType, "type_code", "count", topN));
        data.set("by_category", Nodes.ranking(byCategory, "category", "count", topN));
        data.put("unknown_type", unknownType);
        data.put("unknown_category", unknownCategory);
        return data;
    }
}
