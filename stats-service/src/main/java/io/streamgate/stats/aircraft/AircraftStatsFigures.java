package io.streamgate.stats.aircraft;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.stats.StatsConfig;
import io.streamgate.stats.publish.Figures;
import io.streamgate.stats.store.Nodes;
import io.streamgate.stats.window.WindowContributions;

/**
 * {@code aircraft_stats}: {@code {total, with_position, military, by_category {A3: n, …, unknown: n},
 * max_range_nm, messages_per_second, receiver {lat, lon}}}. {@code with_position} counts aircraft whose last
 * position ingest did not mark stale; {@code max_range_nm} is the farthest of them from the configured
 * receiver; {@code messages_per_second} is positions received over the last minute / 60.
 */
@ApplicationScoped
public class AircraftStatsFigures implements Figures {

    private final AircraftTable table;
    private final WindowContributions windows;
    private final StatsConfig.Aircraft config;

    AircraftStatsFigures(AircraftTable table, WindowContributions windows, StatsConfig config) {
        this.table = table;
        this.windows = windows;
        this.config = config.aircraft();
    }

    @Override
    public String statType() {
        return "aircraft_stats";
    }

    @Override
    public ObjectNode compute(String tenant, Instant now) {
        table.prune(tenant, now);
        List<Sighting> tracked = table.tracked(tenant, now);
        long withPosition = 0;
        long military = 0;
        boolean hasReceiver = config.receiverLat().isPresent() && config.receiverLon().isPresent();
        double maxRange = 0;
        Map<String, Long> byCategory = new TreeMap<>();
        for (Sighting s : tracked) {
            if (!s.stale()) {
                withPosition++;
                if (hasReceiver) {
                    maxRange = Math.max(maxRange, GeoMath.distanceNm(config.receiverLat().get(),
                            config.receiverLon().get(), s.lat(), s.lon()));
                }
            }
            if (s.military()) {
                military++;
            }
            byCategory.merge(s.category() == null ? "unknown" : s.category(), 1L, Long::sum);
        }
        long positions = windows.totals(tenant, now.toEpochMilli()).getOrDefault(PositionsRecorder.POSITIONS, 0L);
        ObjectNode data = Nodes.object();
        data.put("total", tracked.size());
        data.put("with_position", withPosition);
        data.put("military", military);
        data.set("by_category", Nodes.counts(byCategory));
        if (hasReceiver) {
            data.put("max_range_nm", Nodes.round(maxRange, 1));
        } else {
            data.putNull("max_range_nm");
        }
        data.put("messages_per_second", Nodes.round(positions / 60.0, 2));
        if (hasReceiver) {
            data.putObject("receiver").put("lat", config.receiverLat().get()).put("lon", config.receiverLon().get());
        }
        return data;
    }
}
