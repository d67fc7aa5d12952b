package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Days;
import io.streamgate.stats.store.Nodes;

/**
 * {@code airlines}: distinct aircraft seen today (UTC) per airline (the ICAO three-letter prefix of an
 * airline-style callsign): {@code {date, airlines: [{airline, aircraft}], total_airlines}}, largest first,
 * capped at {@code top-n}. An aircraft counts for the airline of its latest callsign of the day.
 */
@ApplicationScoped
public class AirlinesFigures implements Figures {

    private final KindsToday kinds;
    private final int topN;

    AirlinesFigures(KindsToday kinds, StatsConfig config) {
        this.kinds = kinds;
        this.topN = config.aircraft().topN();
    }

    @Override
    public String statType() {
        return "airlines";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        Map<String, Long> byAirline = new TreeMap<>();
        for (Kind kind : kinds.read(tenant, now)) {
            if (kind.airline() != null) {
                byAirline.merge(kind.airline(), 1L, Long::sum);
            }
        }
        ObjectNode data = Nodes.object();
        data.put("date", Days.day(now).toString());
        data.set("airlines", Nodes.ranking(byAirline, "airline", "aircraft", topN));
        data.put("total_airlines", byAirline.size());
        return data;
    }
}
