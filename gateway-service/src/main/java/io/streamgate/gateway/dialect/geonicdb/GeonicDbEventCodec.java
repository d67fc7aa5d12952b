package io.streamgate.gateway.dialect.geonicdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.events.LiveEvent;

/**
 * GeonicDB's entity change events. Ingest writes {@code entities.changes} payloads in GeonicDB's own
 * shape ({@code type, tenant, servicePath, entityId, entityType, data, changedAttributes, timestamp}), so a
 * WebSocket frame is the payload as it is; the SSE variant adds the resumable {@code id:} line and leaves
 * out {@code event:}, so a browser's {@code EventSource.onmessage} receives every change.
 */
final class GeonicDbEventCodec implements Encoder<LiveEvent> {

    static final GeonicDbEventCodec WEBSOCKET = new GeonicDbEventCodec(false);
    static final GeonicDbEventCodec SSE = new GeonicDbEventCodec(true);

    private final boolean sse;

    private GeonicDbEventCodec(boolean sse) {
        this.sse = sse;
    }

    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            String payload = new String(event.data(), StandardCharsets.UTF_8).strip();
            frames.add(sse ? "id: " + event.id() + "\ndata: " + payload + "\n\n" : payload);
        }
        return frames;
    }
}
