package io.streamgate.gateway.dialect.spatialflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.streamgate.gateway.devices.GeofenceEventFeed;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.events.EventFilter;
import io.streamgate.gateway.stats.StatsView;
import io.streamgate.gateway.transport.SseFrames;

/**
 * The dashboard ({@code dashboard_update} on connect and when the figures change, {@code new_event} per geofence
 * event) and the geofence channel ({@code geofence_event} per entry or exit): the caller's tenant only, from the
 * entries and exits safety-service computes ({@code geofence.events}). Both resume from {@code Last-Event-ID}
 * (or {@code ?last_event_id=}) exactly.
 */
final class GeofenceChannels {

    static final String GAP = "{\"type\":\"gap\",\"message\":\"Some geofence events since your Last-Event-ID are no "
            + "longer available\"}";

    private final GeofenceEventFeed events;
    private final StatsView stats;
    private final int recentEvents;
    /** One encoder per tenant and transport; tenants come from verified credentials, so the map stays small. */
    private final Map<String, DashboardUpdates> webSocketUpdates = new ConcurrentHashMap<>();
    private final Map<String, DashboardUpdates> sseUpdates = new ConcurrentHashMap<>();

    GeofenceChannels(GeofenceEventFeed events, StatsView stats, SpatialFlowConfig config) {
        this.events = events;
        this.stats = stats;
        this.recentEvents = config.recentEvents();
    }

    Endpoint dashboard(String path, boolean sse) {
        return endpoint(path, sse, (session, handshake) -> openDashboard(session, handshake, sse));
    }

    Endpoint geofenceEvents(String path, boolean sse) {
        return endpoint(path, sse, (session, handshake) -> {
            events.subscribe(session, session.identity().tenant(),
                    sse ? SpatialFlowEventCodec.GEOFENCE_EVENTS_SSE : SpatialFlowEventCodec.GEOFENCE_EVENTS,
                    handshake.lastEventId(), gap(session, sse));
            return new Listening(() -> events.unsubscribe(session));
        });
    }

    /**
     * The figures and the recent events are rendered, and the client joins both the stats watchers and the
     * event subscribers, in one engine task: no event or figure falls between the snapshot and the live stream.
     */
    private Conversation openDashboard(Session session, Handshake handshake, boolean sse) {
        String tenant = session.identity().tenant();
        DashboardUpdates updates = (sse ? sseUpdates : webSocketUpdates).computeIfAbsent(tenant,
                t -> new DashboardUpdates(t, sse, events, recentEvents));
        events.subscribe(session, tenant, sse ? SpatialFlowEventCodec.NEW_EVENTS_SSE : SpatialFlowEventCodec.NEW_EVENTS,
                EventFilter.ALL, handshake.lastEventId(), gap(session, sse), () -> {
                    stats.watchOnEngineThread(session, tenant, updates, List.of(DashboardUpdates.STAT_TYPE));
                    return List.of(updates.frame(stats.latestOnEngineThread(tenant, DashboardUpdates.STAT_TYPE)
                            .orElse(null)));
                });
        return new Listening(() -> {
            events.unsubscribe(session);
            stats.close(session);
        });
    }

    private static Runnable gap(Session session, boolean sse) {
        return () -> session.send(sse ? SseFrames.event(null, "gap", GAP) : GAP);
    }

    private static Endpoint endpoint(String path, boolean sse, io.streamgate.gateway.dialect.Channel channel) {
        return sse ? Endpoint.sse(path, false, channel) : Endpoint.webSocket(path, false, channel);
    }
}
