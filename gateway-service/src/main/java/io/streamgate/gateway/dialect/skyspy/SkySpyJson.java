package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.streamgate.platform.aviation.AircraftPosition;

/** SkySpy's JSON spellings, written with Jackson's streaming generator (no reflection, no tree). */
final class SkySpyJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SkySpyJson() {
    }

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** A whole message: {@code {"type": type, "data": {...}}}. */
    static String message(String type, Body data) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeFieldName("data");
            data.write(json);
            json.writeEndObject();
        });
    }

    static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** ISO-8601 UTC with milliseconds and a {@code Z}, as SkySpy writes timestamps. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** One aircraft object in readsb spelling: {@code alt_baro} is feet or {@code "ground"}. */
    static void aircraft(JsonGenerator json, AircraftPosition a) throws IOException {
        json.writeStartObject();
        json.writeStringField("hex", a.hex());
        if (a.flight() != null) {
            json.writeStringField("flight", a.flight());
        }
        json.writeNumberField("lat", a.lat());
        json.writeNumberField("lon", a.lon());
        if (a.onGround()) {
            json.writeStringField("alt_baro", "ground");
        } else if (a.altBaro() != null) {
            json.writeNumberField("alt_baro", a.altBaro());
        }
        writeIfPresent(json, "alt_geom", a.altGeom());
        writeIfPresent(json, "gs", a.groundSpeed());
        writeIfPresent(json, "track", a.track());
        writeIfPresent(json, "baro_rate", a.baroRate());
        writeIfPresent(json, "geom_rate", a.geomRate());
        if (a.squawk() != null) {
            json.writeStringField("squawk", a.squawk());
        }
        if (a.emergency() != null) {
            json.writeStringField("emergency", a.emergency());
        }
        if (a.category() != null) {
            json.writeStringField("category", a.category());
        }
        json.writeBooleanField("is_military", a.military());
        if (a.registration() != null) {
            json.writeStringField("registration", a.registration());
        }
        if (a.typeCode() != null) {
            json.writeStringField("type", a.typeCode());
        }
        writeIfPresent(json, "rssi", a.rssi());
        writeIfPresent(json, "seen_pos", a.seenPos());
        if (a.stale()) {
            // StreamGate's addition: the receiver's fix is older than the staleness limit.
            json.writeBooleanField("stale", true);
        }
        if (a.timestamp() != null) {
            json.writeStringField("timestamp", timestamp(a.timestamp()));
        }
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }

    private static void writeIfPresent(JsonGenerator json, String field, Double value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }
}
