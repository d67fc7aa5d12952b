package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.transport.WebSocketSession;
import io.streamgate.platform.json.Json;
import io.vertx.core.buffer.Buffer;

/**
 * SkySpy's {@code /ws/cannonball/}: a mobile user sends its position ({@code position_update}) and
 * radius ({@code set_radius}) and gets the aircraft around it as {@code threats}.
 */
@WebSocket(path = "/ws/cannonball/")
public class SkySpyCannonballEndpoint {

    private final SkySpySessions sessions;
    private final CannonballSessions cannonball;

    SkySpyCannonballEndpoint(SkySpySessions sessions, CannonballSessions cannonball) {
        this.sessions = sessions;
        this.cannonball = cannonball;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection).ifPresent(session -> {
            cannonball.open(session);
            session.send("{\"type\":\"session_started\",\"session_id\":\"" + session.id() + "\"}");
        });
    }

    @OnTextMessage
    Uni<String> message(String frame, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        CannonballSessions.State state = session == null ? null : cannonball.state(session);
        JsonNode message;
        try {
            message = Json.mapper().readTree(frame);
        } catch (IOException e) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.INVALID_JSON, null));
        }
        if (message == null || !message.isObject() || state == null) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.INVALID_JSON, null));
        }
        String type = message.path("type").asText(message.path("action").asText(""));
        return switch (type) {
            case "position_update" -> positionUpdate(session, state, message);
            case "set_radius" -> setRadius(state, message);
            case "ping" -> reply("{\"type\":\"pong\"}");
            default -> reply(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_ACTION, null));
        };
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        sessions.close(connection).ifPresent(cannonball::close);
    }

    private Uni<String> positionUpdate(WebSocketSession session, CannonballSessions.State state, JsonNode message) {
        JsonNode lat = message.get("lat");
        JsonNode lon = message.get("lon");
        if (lat == null || !lat.isNumber() || Math.abs(lat.asDouble()) > 90) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.MISSING_PARAMETER + ": lat", null));
        }
        if (lon == null || !lon.isNumber() || Math.abs(lon.asDouble()) > 180) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.MISSING_PARAMETER + ": lon", null));
        }
        state.lat = lat.asDouble();
        state.lon = lon.asDouble();
        state.heading = message.path("heading").asDouble(0);
        state.located = true;
        return Uni.createFrom().completionStage(cannonball.threats(session, state));
    }

    private Uni<String> setRadius(CannonballSessions.State state, JsonNode message) {
        JsonNode radius = message.get("radius_nm");
        double max = cannonball.config().maxRadiusNm();
        if (radius == null || !radius.isNumber() || radius.asDouble() <= 0 || radius.asDouble() > max) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.MISSING_PARAMETER
                    + ": radius_nm (0 < radius_nm <= " + max + ")", null));
        }
        state.radiusNm = radius.asDouble();
        return reply("{\"type\":\"radius_updated\",\"radius_nm\":" + radius.numberValue() + "}");
    }

    private static Uni<String> reply(String frame) {
        return Uni.createFrom().item(frame);
    }
}
