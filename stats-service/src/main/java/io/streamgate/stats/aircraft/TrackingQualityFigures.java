package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.window.WindowContributions;

/**
 * {@code tracking_quality}: {@code {tracked, fresh, fresh_share, mean_update_interval_s,
 * positions_last_minute, aircraft_last_minute}}. Fresh: a non-stale position younger than the fresh window.
 * The mean update interval is 60 s × aircraft heard in the last minute / positions in the last minute — exact
 * when every aircraft was heard the whole minute, shorter for ones that just appeared; null without traffic.
 */
@ApplicationScoped
public class TrackingQualityFigures implements Figures {

    private final AircraftTable table;
    private final WindowContributions windows;
    private final StatsConfig.Aircraft config;

    TrackingQualityFigures(AircraftTable table, WindowContributions windows, StatsConfig config) {
        this.table = table;
        this.windows = windows;
        this.config = config.aircraft();
    }

    @Override
    public String statType() {
        return "tracking_quality";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        List<Sighting> tracked = table.tracked(tenant, now);
        long freshCutoff = now.minus(config.freshWindow()).toEpochMilli();
        long fresh = tracked.stream().filter(s -> !s.stale() && s.seenMillis() > freshCutoff).count();
        Map<String, Long> totals = windows.totals(tenant, now.toEpochMilli());
        long positions = totals.getOrDefault(PositionsRecorder.POSITIONS, 0L);
        long aircraft = totals.getOrDefault(PositionsRecorder.AIRCRAFT, 0L);
        ObjectNode data = Nodes.object();
        data.put("tracked", tracked.size());
        data.put("fresh", fresh);
        data.put("fresh_share", tracked.isEmpty() ? 0.0 : Nodes.round((double) fresh / tracked.size(), 3));
        if (positions > 0) {
            data.put("mean_update_interval_s", Nodes.round(60.0 * aircraft / positions, 2));
        } else {
            data.putNull("mean_update_interval_s");
        }
        data.put("positions_last_minute", positions);
        data.put("aircraft_last_minute", aircraft);
        return data;
    }
}
