package io.streamgate.ingest.adsb;

import java.util.List;

import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;

/** Wraps positions as {@code aircraft.positions} events: subject (and key) = ICAO hex, time = fix time. */
final class AircraftPositionEvents {

    static final String SOURCE = "/ingest/adsb";

    private AircraftPositionEvents() {
    }

    static List<OutboundEvent> of(List<AircraftPosition> positions, String tenant) {
        return positions.stream()
                .map(p -> new OutboundEvent(
                        EventEnvelope.of(SOURCE, EventTypes.AIRCRAFT_POSITION, p.timestamp(), p.hex(), tenant),
                        Json.encode(p)))
                .toList();
    }
}
