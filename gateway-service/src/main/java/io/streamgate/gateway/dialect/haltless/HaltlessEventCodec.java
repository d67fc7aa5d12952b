package io.streamgate.gateway.dialect.haltless;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.streamgate.gateway.engine.Encoder;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.gateway.transport.SseFrames;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;

/**
 * Haltless's critical messages, {@code alert} and {@code machine_status}, from their event feeds; the SSE
 * variant carries the resumable id. Events of a shared topic that are not Haltless's (aircraft rule
 * alerts on {@code alerts.triggered}) are left out.
 */
final class HaltlessEventCodec implements Encoder<LiveEvent> {

    private final String type;
    private final Function<LiveEvent, String> render;
    private final boolean sse;

    private HaltlessEventCodec(String type, Function<LiveEvent, String> render, boolean sse) {
        this.type = type;
        this.render = render;
        this.sse = sse;
    }

    static HaltlessEventCodec alerts(boolean sse) {
        return new HaltlessEventCodec("alert", event -> EventTypes.SENSOR_ALERT.equals(event.envelope().type())
                ? HaltlessMessages.alert(Json.decode(event.data(), SensorAlert.class)) : null, sse);
    }

    static HaltlessEventCodec machineStatus(boolean sse) {
        return new HaltlessEventCodec("machine_status",
                event -> HaltlessMessages.machineStatus(Json.decode(event.data(), MachineStatus.class)), sse);
    }

    @Override
    public List<String> encode(List<LiveEvent> events) {
        List<String> frames = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            String message;
            try {
                message = render.apply(event);
            } catch (UncheckedIOException malformed) {
                // The feed counts malformed records; a dashboard cannot use one.
                continue;
            }
            if (message != null) {
                frames.add(sse ? SseFrames.event(event.id(), type, message) : message);
            }
        }
        return frames;
    }
}
