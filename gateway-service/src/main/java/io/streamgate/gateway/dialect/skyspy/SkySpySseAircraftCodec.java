package io.streamgate.gateway.dialect.skyspy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.gateway.aircraft.AircraftCodec;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * The aircraft feed over Server-Sent Events: the WebSocket variant's messages, each as an event named
 * by its type. No {@code id:}: aircraft are state, and a reconnecting client gets a fresh snapshot.
 */
final class SkySpySseAircraftCodec implements AircraftCodec {

    private final AircraftCodec webSocket;

    SkySpySseAircraftCodec(AircraftCodec webSocket) {
        this.webSocket = webSocket;
    }

    @Override
    public String snapshot(Collection<AircraftPosition> aircraft) {
        return SkySpySse.frame(webSocket.snapshot(aircraft));
    }

    @Override
    public java.time.Duration batchWindow() {
        return webSocket.batchWindow();
    }

    @Override
    public String heartbeat(int count) {
        return SkySpySse.frame(webSocket.heartbeat(count));
    }

    @Override
    public List<String> encode(List<StateChange<AircraftPosition>> changes) {
        List<String> messages = webSocket.encode(changes);
        List<String> frames = new ArrayList<>(messages.size());
        for (String message : messages) {
            frames.add(SkySpySse.frame(message));
        }
        return frames;
    }
}
