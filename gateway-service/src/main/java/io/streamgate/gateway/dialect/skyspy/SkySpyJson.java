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
        SkySpyAircraftFields.writeObject(json, a);
    }

    /** {@code {"type":<type>,"<field>":[values…]}}: the replies that list topics or stat types. */
    static String listMessage(String type, String field, java.util.Collection<String> values) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeArrayFieldStart(field);
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
