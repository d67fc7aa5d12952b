package io.streamgate.safety.aviation.pairs;

import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Record;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.event.MalformedEventException;
import io.streamgate.platform.json.Json;

/**
 * A position record as both stages of pair detection read it: its CloudEvents envelope (the tenant) and the
 * position. A record that is no readable position is none: the per-aircraft consumer reads the same topic and
 * counts it as malformed already.
 */
record PositionCopy(EventEnvelope envelope, AircraftPosition position) {

    static Optional<PositionCopy> read(Record<String, byte[]> record) {
        try {
            EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
            if (!EventTypes.AIRCRAFT_POSITION.equals(envelope.type()) || record.value() == null) {
                return Optional.empty();
            }
            return Optional.of(new PositionCopy(envelope, Json.decode(record.value(), AircraftPosition.class)));
        } catch (MalformedEventException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
