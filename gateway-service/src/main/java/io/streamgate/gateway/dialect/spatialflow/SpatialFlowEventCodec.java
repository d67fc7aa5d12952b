package io.streamgate.gateway.dialect.spatialflow;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.gateway.workflows.WorkflowRecord;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.workflows.WebhookStatus;

/**
 * SpatialFlow's rendering of one feed's events: the bare message over WebSocket; over SSE the message named by
 * its type ({@code event: geofence_event}) with the resumable id. One instance per (message kind, transport), so
 * every client of a kind shares its frames.
 */
final class SpatialFlowEventCodec implements Encoder<LiveEvent> {

    static final SpatialFlowEventCodec GEOFENCE_EVENTS = new SpatialFlowEventCodec(false, geofence(SpatialFlowMessages.GEOFENCE_EVENT));
    static final SpatialFlowEventCodec GEOFENCE_EVENTS_SSE = new SpatialFlowEventCodec(true, geofence(SpatialFlowMessages.GEOFENCE_EVENT));
    static final SpatialFlowEventCodec NEW_EVENTS = new SpatialFlowEventCodec(false, geofence(SpatialFlowMessages.NEW_EVENT));
    static final SpatialFlowEventCodec NEW_EVENTS_SSE = new SpatialFlowEventCodec(true, geofence(SpatialFlowMessages.NEW_EVENT));
    static final SpatialFlowEventCodec WORKFLOW_EVENTS = new SpatialFlowEventCodec(false, SpatialFlowEventCodec::workflow);
    static final SpatialFlowEventCodec WORKFLOW_EVENTS_SSE = new SpatialFlowEventCodec(true, SpatialFlowEventCodec::workflow);
    static final SpatialFlowEventCodec WEBHOOK_STATUSES = new SpatialFlowEventCodec(false, SpatialFlowEventCodec::webhook);
    static final SpatialFlowEventCodec WEBHOOK_STATUSES_SSE = new SpatialFlowEventCodec(true, SpatialFlowEventCodec::webhook);

    private final boolean sse;
    private final Function<LiveEvent, String> render;

    private SpatialFlowEventCodec(boolean sse, Function<LiveEvent, String> render) {
        this.sse = sse;
        this.render = render;
    }

    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            String message = render.apply(event);
            if (message != null) {
                frames.add(sse ? SseFrames.event(event.id(), typeOf(message), message) : message);
            }
        }
        return frames;
    }

    /** The decoded geofence event, or null when the record is not one (the feed counts those). */
    static GeofenceEvent geofenceEvent(LiveEvent event) {
        try {
            GeofenceEvent decoded = Json.decode(event.data(), GeofenceEvent.class);
            return decoded.deviceId() == null || decoded.eventType() == null || decoded.timestamp() == null ? null
                    : decoded;
        } catch (UncheckedIOException | IllegalArgumentException malformed) {
            return null;
        }
    }

    private static Function<LiveEvent, String> geofence(String type) {
        return event -> {
            GeofenceEvent decoded = geofenceEvent(event);
            return decoded == null ? null : SpatialFlowMessages.geofence(type, decoded);
        };
    }

    private static String workflow(LiveEvent event) {
        var decoded = WorkflowRecord.of(event);
        return decoded == null ? null : SpatialFlowMessages.workflowEvent(decoded);
    }

    private static String webhook(LiveEvent event) {
        try {
            WebhookStatus status = Json.decode(event.data(), WebhookStatus.class);
            return status.deliveryId() == null || status.status() == null || status.timestamp() == null ? null
                    : SpatialFlowMessages.webhookStatus(status);
        } catch (UncheckedIOException | IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Every message starts {@code {"type":"<name>"}: the SSE event name, without parsing it again. */
    static String typeOf(String message) {
        int start = message.indexOf(':') + 2;
        return message.substring(start, message.indexOf('"', start));
    }
}
