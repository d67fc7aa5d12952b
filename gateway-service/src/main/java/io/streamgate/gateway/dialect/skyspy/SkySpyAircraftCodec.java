package io.streamgate.gateway.dialect.skyspy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.gateway.aircraft.AircraftCodec;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * SkySpy's aircraft messages: {@code aircraft:snapshot} on connect, then {@code aircraft:new},
 * {@code aircraft:update} (or, in delta mode, {@code aircraft:delta} with only the changed fields) and
 * {@code aircraft:remove}, one aircraft each. The changes of one tick go out as one message, or as
 * {@code batch} frames of at most {@code max-messages} messages and {@code max-bytes} bytes. Each
 * variant (full, delta) is one instance, so the engine encodes a tick once per variant.
 */
public class SkySpyAircraftCodec implements AircraftCodec {

    static final String SNAPSHOT = "aircraft:snapshot";
    static final String NEW = "aircraft:new";
    static final String UPDATE = "aircraft:update";
    static final String REMOVE = "aircraft:remove";
    static final String HEARTBEAT = "aircraft:heartbeat";
    static final String DELTA = "aircraft:delta";

    private final int maxBatchMessages;
    private final int maxBatchBytes;
    private final Clock clock;
    private final boolean deltas;
    private final Duration window;

    SkySpyAircraftCodec(Duration window, int maxBatchMessages, int maxBatchBytes, Clock clock, boolean deltas) {
        this.window = window;
        this.maxBatchMessages = maxBatchMessages;
        this.maxBatchBytes = maxBatchBytes;
        this.clock = clock;
        this.deltas = deltas;
    }

    @Override
    public Duration batchWindow() {
        return window;
    }

    @Override
    public String snapshot(Collection<AircraftPosition> aircraft) {
        return SkySpyJson.message(SNAPSHOT, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("aircraft");
            for (AircraftPosition position : aircraft) {
                SkySpyJson.aircraft(json, position);
            }
            json.writeEndArray();
            json.writeNumberField("count", aircraft.size());
            json.writeStringField("timestamp", SkySpyJson.timestamp(clock.instant()));
            json.writeEndObject();
        });
    }

    /** Only the fields that changed since the state last shipped; nothing when none did. */
    private static String delta(StateChange<AircraftPosition> change) {
        String changes = SkySpyJson.write(json -> SkySpyAircraftFields.writeChanges(json, change.shipped(),
                change.value()));
        if (changes.equals("{}")) {
            return "";
        }
        return SkySpyJson.message(DELTA, json -> {
            json.writeStartObject();
            json.writeStringField("hex", change.value().hex());
            json.writeFieldName("changes");
            json.writeRawValue(changes);
            json.writeEndObject();
        });
    }

    @Override
    public String heartbeat(int count) {
        return SkySpyJson.message(HEARTBEAT, json -> {
            json.writeStartObject();
            json.writeNumberField("count", count);
            json.writeStringField("timestamp", SkySpyJson.timestamp(clock.instant()));
            json.writeEndObject();
        });
    }

    @Override
    public List<String> encode(List<StateChange<AircraftPosition>> changes) {
        List<String> messages = new ArrayList<>(changes.size());
        for (StateChange<AircraftPosition> change : changes) {
            messages.add(switch (change.kind()) {
                case NEW -> SkySpyJson.message(NEW, json -> SkySpyJson.aircraft(json, change.value()));
                case UPDATE -> deltas && change.shipped() != null ? delta(change)
                        : SkySpyJson.message(UPDATE, json -> SkySpyJson.aircraft(json, change.value()));
                case REMOVE -> SkySpyJson.message(REMOVE, json -> {
                    json.writeStartObject();
                    json.writeStringField("hex", change.value().hex());
                    json.writeStringField("reason", "timeout");
                    json.writeEndObject();
                });
            });
        }
        messages.removeIf(String::isEmpty);
        return messages.size() <= 1 ? messages : SkySpyBatch.of(messages, maxBatchMessages, maxBatchBytes,
                SkySpyJson.timestamp(clock.instant()));
    }
}
