package io.streamgate.gateway.dialect.haltless;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.gateway.engine.state.StateCodec;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.platform.sensors.SensorReading;

/**
 * {@code sensor_update} for each (machine, metric) that changed in a tick: every reading reaches a client
 * that keeps up; one that falls behind gets the latest of each metric, never a queue (the view conflates
 * per key and resyncs with the snapshot). The snapshot is StreamGate's {@code sensor_snapshot}.
 */
final class HaltlessSensorCodec implements StateCodec<SensorReading> {

    private final boolean sse;

    HaltlessSensorCodec(boolean sse) {
        this.sse = sse;
    }

    @Override
    public List<String> encode(List<StateChange<SensorReading>> changes) {
        List<String> frames = new ArrayList<>(changes.size());
        for (StateChange<SensorReading> change : changes) {
            if (change.kind() != StateChange.Kind.REMOVE) {
                frames.add(frame("sensor_update", HaltlessMessages.sensorUpdate(change.value())));
            }
        }
        return frames;
    }

    @Override
    public String snapshot(Collection<SensorReading> readings) {
        return frame("sensor_snapshot", HaltlessMessages.sensorSnapshot(List.copyOf(readings), Instant.now()));
    }

    private String frame(String type, String message) {
        return sse ? SseFrames.event(null, type, message) : message;
    }
}
