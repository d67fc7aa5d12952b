package io.streamgate.gateway.dialect.geonicdb;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;

/**
 * The frames GeonicDB's clients get besides events. GeonicDB documents {@code pong} only; the error
 * message is StreamGate's addition (a client that checks only for {@code pong} shows it like an event),
 * sent instead of silently ignoring what it cannot do.
 */
final class GeonicDbMessages {

    static final String PONG = "{\"type\":\"pong\"}";
    static final String INVALID_JSON = "Invalid JSON: a message is an object such as {\"action\":\"ping\"}";
    static final String MESSAGE_TOO_LARGE = "Message too large";
    static final String BINARY_NOT_SUPPORTED = "Binary messages are not supported; send JSON text";
    static final String RATE_LIMITED = "Rate limited: too many messages from this tenant; slow down";

    private GeonicDbMessages() {
    }

    /** {@code {"type":"error","message":…}}. */
    static String error(String message) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("type", "error");
        error.put("message", message);
        return error.toString();
    }
}
