package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's {@code /ws/cannonball/}: a mobile user sends its position ({@code position_update}) and
 * radius ({@code set_radius}) and gets the aircraft around it as {@code threats}.
 */
@ApplicationScoped
class SkySpyCannonballChannel {

    private final CannonballSessions cannonball;

    SkySpyCannonballChannel(CannonballSessions cannonball) {
        this.cannonball = cannonball;
    }

    Conversation open(Session session, Handshake handshake) {
        CannonballSessions.State state = cannonball.open(session);
        session.send("{\"type\":\"session_started\",\"session_id\":\"" + session.id() + "\"}");
        return new Conversation() {
            @Override
            public Uni<String> text(String frame) {
                return message(session, state, frame);
            }

            @Override
            public void closed() {
                cannonball.close(session);
            }
        };
    }

    private Uni<String> message(Session session, CannonballSessions.State state, String frame) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(frame);
        } catch (IOException e) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.INVALID_JSON, null));
        }
        if (message == null || !message.isObject()) {
            return reply(SkySpyClientMessages.error(SkySpyClientMessages.INVALID_JSON, null));
        }
        String type = message.path("type").asText(message.path("action").asText(""));
        return switch (type) {
            case "position_update" -> positionUpdate(session, state, message);
            case "set_radius" -> setRadius(state, message);
            case "ping" -> reply("{\"type\":\"pong\"}");
            default -> reply(SkySpyClientMessages.unknownAction(type));
        };
    }

    private Uni<String> positionUpdate(Session session, CannonballSessions.State state, JsonNode message) {
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
