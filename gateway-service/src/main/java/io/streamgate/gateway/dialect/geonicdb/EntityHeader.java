package io.streamgate.gateway.dialect.geonicdb;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.streamgate.gateway.engine.events.LiveEvent;

/**
 * The two fields of an {@code entities.changes} payload that GeonicDB's filters test, read with a
 * streaming parser that stops once both are found (they precede {@code data} in the payload ingest
 * writes, so the attributes are never parsed). The engine asks every filter group of a tenant about the
 * same event in a row, so the last decoded event is remembered per thread: one parse per event, however
 * many groups test it.
 */
record EntityHeader(String entityType, String entityId) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final EntityHeader UNREADABLE = new EntityHeader(null, null);
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    static EntityHeader of(LiveEvent event) {
        Object[] last = LAST.get();
        if (last[0] == event) {
            return (EntityHeader) last[1];
        }
        EntityHeader header = read(event.data());
        last[0] = event;
        last[1] = header;
        return header;
    }

    private static EntityHeader read(byte[] payload) {
        String type = null;
        String id = null;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME && (type == null || id == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("entityType".equals(field) && value == JsonToken.VALUE_STRING) {
                    type = parser.getText();
                } else if ("entityId".equals(field) && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return UNREADABLE;
        }
        return new EntityHeader(type, id);
    }
}
