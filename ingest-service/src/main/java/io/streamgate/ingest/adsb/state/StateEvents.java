package io.streamgate.ingest.adsb.state;

import java.time.Instant;

import io.streamgate.ingest.kafka.OutboundEvent;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;

/**
 * {@code aircraft.state} records: the latest position under its hex, or a tombstone with the same
 * {@code ce_*} attributes (type, source, subject, tenant) and no data, so consumers can still route it
 * by tenant.
 */
final class StateEvents {

    private StateEvents() {
    }

    static OutboundEvent state(AircraftPosition position, String tenant, String source) {
        return new OutboundEvent(EventEnvelope.of(source, EventTypes.AIRCRAFT_POSITION, position.timestamp(),
                position.hex(), tenant), Json.encode(position));
    }

    /** @param now the removal is the event, so it carries the time the aircraft was declared gone */
    static OutboundEvent tombstone(Departure departure, Instant now) {
        return OutboundEvent.tombstone(EventEnvelope.of(departure.source(), EventTypes.AIRCRAFT_POSITION, now,
                departure.hex(), departure.tenant()));
    }
}
