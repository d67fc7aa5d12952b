package io.streamgate.gateway.dialect.haltless;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.alerts.AlertFeed;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Endpoint;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.engine.events.CombinedCursor;
import io.streamgate.gateway.engine.state.StateFilter;
import io.streamgate.gateway.machines.MachineStatusFeed;
import io.streamgate.gateway.machines.SensorReadingsView;
import io.streamgate.gateway.transport.SseFrames;

/**
 * Haltless's dashboard: every sensor reading, threshold alert and machine status change of the caller's
 * tenant. A client starts from the current status of each machine (one {@code machine_status} per
 * machine: its latest transition) and the latest reading of each metric ({@code sensor_snapshot}).
 * Over SSE, alerts and status changes carry one combined resumable id ({@link CombinedCursor}).
 */
final class HaltlessDashboardChannel {

    static final String GAP = "{\"type\":\"gap\",\"message\":\"Some alerts or status changes since your "
            + "Last-Event-ID are no longer available; reload your state\"}";
    private static final String NO_MESSAGES = HaltlessMessages.error(
            "this endpoint takes no messages after the token; it only streams");

    private final SensorReadingsView sensors;
    private final AlertFeed alerts;
    private final MachineStatusFeed statuses;
    private final Variant webSocket = new Variant(false);
    private final Variant sse = new Variant(true);

    HaltlessDashboardChannel(SensorReadingsView sensors, AlertFeed alerts, MachineStatusFeed statuses) {
        this.sensors = sensors;
        this.alerts = alerts;
        this.statuses = statuses;
    }

    Endpoint webSocket(String path) {
        return Endpoint.webSocketWithFirstMessageAuth(path, (session, handshake) -> {
            subscribe(session, webSocket, null, null);
            return new Conversation() {
                @Override
                public Uni<String> text(String message) {
                    return Uni.createFrom().item(NO_MESSAGES);
                }

                @Override
                public void closed() {
                    unsubscribe(session);
                }
            };
        });
    }

    Endpoint sse(String path) {
        return Endpoint.sse(path, false, (session, handshake) -> {
            Session stream = new CombinedCursor(session,
                    List.of(alerts.topic().name(), statuses.topic().name()), handshake.lastEventId());
            subscribe(stream, sse, CombinedCursor.idFor(handshake.lastEventId(), alerts.topic().name()),
                    CombinedCursor.idFor(handshake.lastEventId(), statuses.topic().name()));
            return Conversation.closing(() -> unsubscribe(stream));
        });
    }

    /**
     * A resuming client already holds its machines' statuses; a fresh one gets them first. An id it sent
     * that belongs to neither feed is announced as a gap, as the feeds do for their own.
     */
    private void subscribe(Session session, Variant variant, String alertsFrom, String statusFrom) {
        String tenant = session.identity().tenant();
        Runnable gap = () -> session.send(SseFrames.event(null, "gap", GAP));
        statuses.subscribe(session, tenant, variant.statusCodec, statusFrom, gap, statusFrom != null ? null
                : () -> statuses.currentStatus(tenant).stream()
                        .map(status -> variant.frame("machine_status", HaltlessMessages.machineStatus(status)))
                        .toList());
        alerts.subscribe(session, tenant, variant.alertCodec, alertsFrom, gap);
        sensors.subscribe(session, tenant, variant.sensorCodec, StateFilter.all());
    }

    private void unsubscribe(Session session) {
        sensors.unsubscribe(session);
        alerts.unsubscribe(session);
        statuses.unsubscribe(session);
    }

    /** One wire variant's codecs, shared by every session of that variant. */
    private static final class Variant {
        final boolean sse;
        final HaltlessSensorCodec sensorCodec;
        final HaltlessEventCodec alertCodec;
        final HaltlessEventCodec statusCodec;

        Variant(boolean sse) {
            this.sse = sse;
            this.sensorCodec = new HaltlessSensorCodec(sse);
            this.alertCodec = HaltlessEventCodec.alerts(sse);
            this.statusCodec = HaltlessEventCodec.machineStatus(sse);
        }

        String frame(String type, String message) {
            return sse ? SseFrames.event(null, type, message) : message;
        }
    }
}
