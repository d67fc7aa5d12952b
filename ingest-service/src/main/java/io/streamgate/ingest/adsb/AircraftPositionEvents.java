package io.streamgate.ingest.adsb;

import java.time.Instant;
import java.util.List;

import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;

/** Wraps positions as events: subject (and key) = ICAO hex, time = fix time. */
public final class AircraftPositionEvents {

    /** The CloudEvents source of {@code POST /v1/aircraft}; the other feeds name their own. */
    public static final String SOURCE = "/ingest/adsb";

    private AircraftPositionEvents() {
    }

    public static List<OutboundEvent> of(List<AircraftPosition> positions, String tenant, String source) {
        return positions.stream().map(p -> of(p, tenant, source)).toList();
    }

    private static OutboundEvent of(AircraftPosition position, String tenant, String source) {
        return new OutboundEvent(envelope(position.hex(), position.timestamp(), tenant, source),
                Json.encode(position));
    }

    private static EventEnvelope envelope(String hex, Instant time, String tenant, String source) {
        return EventEnvelope.of(source, EventTypes.AIRCRAFT_POSITION, time, hex, tenant);
    }
}
