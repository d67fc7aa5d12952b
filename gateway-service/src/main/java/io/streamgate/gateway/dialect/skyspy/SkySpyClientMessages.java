package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

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
    static final String MISSING_PARAMETER = "Missing parameter";
    static final String MESSAGE_TOO_LARGE = "Message too large";
    static final String BINARY_NOT_SUPPORTED = "Binary data not supported";
    /** SkySpy's error reference: "Rate limited | Too many requests | Slow down request rate". */
    static final String RATE_LIMITED = "Rate limited";

    /** Answers a {@code request} action: (request type, request id, params) → the reply frame. */
    @FunctionalInterface
    interface Requests {
        Uni<String> answer(String type, String requestId, JsonNode params);
    }

    /** Like {@link #reply(String)}, with {@code request} actions answered by {@code requests}. */
    static Uni<String> reply(String frame, Requests requests) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(frame);
        } catch (IOException e) {
            return Uni.createFrom().item(error(INVALID_JSON, null));
        }
        if (message == null || !message.isObject() || !"request".equals(message.path("action").asText())) {
            return Uni.createFrom().item(reply(frame));
        }
        String requestId = message.path("request_id").asText(null);
        String type = message.path("type").asText("");
        JsonNode params = message.path("params").isObject() ? message.get("params") : Json.mapper().createObjectNode();
        try {
            return requests.answer(type, requestId, params);
        } catch (SkySpyAircraftRequests.MissingParameter missing) {
            return Uni.createFrom().item(error(MISSING_PARAMETER + ": " + missing.getMessage(), requestId));
        }
    }

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
            default -> unknownAction(action);
        };
    }

    private static String topics(String type, JsonNode message) {
        List<String> topics = new ArrayList<>();
        message.path("topics").forEach(topic -> topics.add(topic.asText()));
        return SkySpyJson.listMessage(type, "topics", topics);
    }

    /** SkySpy names the action it did not know: {@code Unknown action: dance}. */
    static String unknownAction(String action) {
        return error(action.isEmpty() ? UNKNOWN_ACTION : UNKNOWN_ACTION + ": " + action, null);
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
