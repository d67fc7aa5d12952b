package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/**
 * Answers SkySpy's client actions ({@code ping}, {@code subscribe}, {@code unsubscribe}, …) with the
 * replies and error messages of its documentation. Frames the client sends never reach the engine as
 * text: this is the dialect's parser.
 */
final class SkySpyClientMessages {

    static final String INVALID_JSON = "Invalid JSON format";
    static final String UNKNOWN_ACTION = "Unknown action";
    static final String UNKNOWN_REQUEST_TYPE = "Unknown request type";

    private SkySpyClientMessages() {
    }

    /** @return the reply to send, never null */
    static String reply(String frame) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(frame);
        } catch (IOException e) {
            return error(INVALID_JSON, null);
        }
        if (message == null || !message.isObject()) {
            return error(INVALID_JSON, null);
        }
        String action = message.path("action").asText("");
        return switch (action) {
            case "ping" -> "{\"type\":\"pong\"}";
            case "subscribe" -> topics("subscribed", message);
            case "unsubscribe" -> topics("unsubscribed", message);
            case "request" -> error(UNKNOWN_REQUEST_TYPE, message.path("request_id").asText(null));
            default -> error(UNKNOWN_ACTION, null);
        };
    }

    private static String topics(String type, JsonNode message) {
        List<String> topics = new ArrayList<>();
        message.path("topics").forEach(topic -> topics.add(topic.asText()));
        return SkySpyJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeArrayFieldStart("topics");
            for (String topic : topics) {
                json.writeString(topic);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static String error(String text, String requestId) {
        return SkySpyJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "error");
            json.writeStringField("message", text);
            if (requestId != null) {
                json.writeStringField("request_id", requestId);
            }
            json.writeEndObject();
        });
    }
}
