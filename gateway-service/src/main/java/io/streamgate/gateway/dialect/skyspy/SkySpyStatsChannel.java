package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;
import io.streamgate.gateway.stats.StatFigures;
import io.streamgate.gateway.stats.StatsEncoder;
import io.streamgate.gateway.stats.StatsView;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's {@code /ws/stats/}, whose messages are spelled with dots: {@code stats.subscribe} with
 * {@code stat_types} (answered {@code stats.subscribed}, then the current figures of each type),
 * {@code stats.unsubscribe}, {@code stats.update} at most every 2 s per type, and
 * {@code stats.request} answered {@code stats.response}. The usual {@code action} messages (ping, …)
 * work too. {@code /sse/stats/?stat_types=a,b} streams the chosen statistics.
 */
@ApplicationScoped
class SkySpyStatsChannel {

    static final String UNKNOWN_STAT_TYPE = "No statistics of this type";

    /** {@code {"type":"stats.update","stat_type":…,"data":{…},"timestamp":…}}. */
    static String update(StatFigures figures) {
        return "{\"type\":\"stats.update\",\"stat_type\":" + quoted(figures.statType()) + ",\"data\":"
                + figures.data() + ",\"timestamp\":\"" + SkySpyJson.timestamp(figures.computedAt()) + "\"}";
    }

    static final StatsEncoder UPDATE = StatsEncoder.whole(SkySpyStatsChannel::update);

    private static final StatsEncoder SSE_UPDATE = StatsEncoder.whole(figures -> SkySpySse.frame(update(figures)));

    private final StatsView stats;

    SkySpyStatsChannel(StatsView stats) {
        this.stats = stats;
    }

    Conversation openWebSocket(Session session, Handshake handshake) {
        stats.open(session, session.identity().tenant(), UPDATE);
        return new Conversation() {
            @Override
            public Uni<String> text(String frame) {
                return message(session, frame);
            }

            @Override
            public void closed() {
                stats.close(session);
            }
        };
    }

    Conversation openSse(Session session, Handshake handshake) {
        List<String> types = new ArrayList<>();
        handshake.queryAll("stat_types").forEach(value -> types.addAll(Arrays.asList(value.split(","))));
        stats.open(session, session.identity().tenant(), SSE_UPDATE);
        stats.watch(session, types, SkySpySse.frame(SkySpyJson.listMessage("stats.subscribed", "stat_types", types)));
        return Conversation.closing(() -> stats.close(session));
    }

    private Uni<String> message(Session session, String frame) {
        JsonNode message = parse(frame);
        String type = message == null ? "" : message.path("type").asText("");
        switch (type) {
            case "stats.subscribe" -> {
                List<String> types = statTypes(message);
                stats.watch(session, types, SkySpyJson.listMessage("stats.subscribed", "stat_types", types));
            }
            case "stats.unsubscribe" -> {
                List<String> types = statTypes(message);
                stats.unwatch(session, types, SkySpyJson.listMessage("stats.unsubscribed", "stat_types", types));
            }
            case "stats.request" -> request(session, message);
            default -> {
                return SkySpyClientMessages.reply(frame, SkySpyRequests.NONE.bound(session));
            }
        }
        return Conversation.NO_REPLY;
    }

    private void request(Session session, JsonNode message) {
        String requestId = message.path("request_id").asText(null);
        String statType = message.path("stat_type").asText("");
        if (statType.isEmpty()) {
            session.send(SkySpyClientMessages.error(SkySpyClientMessages.MISSING_PARAMETER + ": stat_type", requestId));
            return;
        }
        stats.current(session.identity().tenant(), statType).thenAccept((Optional<StatFigures> figures) ->
                session.send(figures.map(f -> response(requestId, f))
                        .orElseGet(() -> SkySpyClientMessages.error(UNKNOWN_STAT_TYPE + ": " + statType, requestId))));
    }

    private static String response(String requestId, StatFigures figures) {
        return "{\"type\":\"stats.response\",\"request_id\":" + quoted(requestId) + ",\"stat_type\":"
                + quoted(figures.statType()) + ",\"data\":" + figures.data() + "}";
    }

    private static List<String> statTypes(JsonNode message) {
        List<String> types = new ArrayList<>();
        message.path("stat_types").forEach(type -> types.add(type.asText()));
        return types;
    }

    private static String quoted(String text) {
        try {
            return text == null ? "null" : Json.mapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (IOException e) {
            return null;
        }
    }
}
