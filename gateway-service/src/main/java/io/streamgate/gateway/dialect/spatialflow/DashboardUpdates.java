package io.streamgate.gateway.dialect.spatialflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.streamgate.gateway.devices.GeofenceEventFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.stats.StatFigures;
import io.streamgate.gateway.stats.StatsEncoder;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.platform.devices.GeofenceEvent;

/**
 * One tenant's {@code dashboard_update}: stats-service's {@code dashboard} figures with the tenant's latest
 * geofence events. Rendered on the engine thread, when a client joins and whenever the figures change (at most
 * once per {@code streamgate.gateway.stats.min-interval}), so the recent events are those of that moment. The
 * recent events are the tenant's, so there is one encoder per tenant and transport.
 */
final class DashboardUpdates implements StatsEncoder {

    static final String STAT_TYPE = "dashboard";

    private final String tenant;
    private final boolean sse;
    private final GeofenceEventFeed events;
    private final int recentEvents;

    DashboardUpdates(String tenant, boolean sse, GeofenceEventFeed events, int recentEvents) {
        this.tenant = tenant;
        this.sse = sse;
        this.events = events;
        this.recentEvents = recentEvents;
    }

    @Override
    public List<String> updates(StatFigures figures, StatFigures previous) {
        return List.of(frame(figures));
    }

    /** The update for {@code figures}, or for none yet (zeros): what a joining client gets first. */
    String frame(StatFigures figures) {
        List<GeofenceEvent> recent = new ArrayList<>(recentEvents);
        for (LiveEvent event : events.recentOnEngineThread(tenant, recentEvents)) {
            GeofenceEvent decoded = SpatialFlowEventCodec.geofenceEvent(event);
            if (decoded != null) {
                recent.add(decoded);
            }
        }
        String message = SpatialFlowMessages.dashboardUpdate(figures, recent, Instant.now());
        return sse ? SseFrames.event(null, SpatialFlowMessages.DASHBOARD_UPDATE, message) : message;
    }
}
