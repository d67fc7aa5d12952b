package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * The fields of SkySpy's aircraft object, in wire order, with readsb spellings ({@code alt_baro} is
 * feet or {@code "ground"}). One table serves the full object and the delta, so a delta applied field
 * by field to a snapshot object yields exactly the server's object.
 */
final class SkySpyAircraftFields {

    record Field(String name, Function<AircraftPosition, Object> value) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("flight", AircraftPosition::flight),
            new Field("lat", AircraftPosition::lat),
            new Field("lon", AircraftPosition::lon),
            new Field("alt_baro", a -> a.onGround() ? "ground" : a.altBaro()),
            new Field("alt_geom", AircraftPosition::altGeom),
            new Field("gs", AircraftPosition::groundSpeed),
            new Field("track", AircraftPosition::track),
            new Field("baro_rate", AircraftPosition::baroRate),
            new Field("geom_rate", AircraftPosition::geomRate),
            new Field("squawk", AircraftPosition::squawk),
            new Field("emergency", AircraftPosition::emergency),
            new Field("category", AircraftPosition::category),
            new Field("is_military", AircraftPosition::military),
            new Field("registration", AircraftPosition::registration),
            new Field("type", AircraftPosition::typeCode),
            new Field("rssi", AircraftPosition::rssi),
            new Field("seen_pos", AircraftPosition::seenPos),
            // StreamGate's addition: the receiver's fix is older than the staleness limit.
            new Field("stale", a -> a.stale() ? Boolean.TRUE : null),
            new Field("timestamp", a -> a.timestamp() == null ? null : SkySpyJson.timestamp(a.timestamp())));

    private SkySpyAircraftFields() {
    }

    /** The whole object; absent values are left out. */
    static void writeObject(JsonGenerator json, AircraftPosition aircraft) throws IOException {
        json.writeStartObject();
        json.writeStringField("hex", aircraft.hex());
        for (Field field : FIELDS) {
            Object value = field.value().apply(aircraft);
            if (value != null) {
                json.writeFieldName(field.name());
                writeValue(json, value);
            }
        }
        json.writeEndObject();
    }

    /** The fields whose value differs; a value that disappeared is written as null. */
    static void writeChanges(JsonGenerator json, AircraftPosition before, AircraftPosition after) throws IOException {
        json.writeStartObject();
        for (Field field : FIELDS) {
            Object old = field.value().apply(before);
            Object now = field.value().apply(after);
            if (!Objects.equals(old, now)) {
                json.writeFieldName(field.name());
                writeValue(json, now);
            }
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else {
            json.writeNumber((Double) value);
        }
    }
}
