package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.transport.WebSocketSession;
import io.streamgate.platform.json.Json;
import io.vertx.core.buffer.Buffer;

/**
 * SkySpy's combined feed {@code /ws/all/}: every topic on one connection. A client starts subscribed to
 * all of them and narrows or widens with {@code unsubscribe} / {@code subscribe}; {@code subscribed}
 * lists the topics it now has. Resume each event topic with its own {@code ?last_event_id=} (repeat
 * the parameter, one id per topic).
 */
@WebSocket(path = "/ws/all/")
public class SkySpyAllEndpoint {

    private static final UserData.TypedKey<Set<String>> TOPICS = new UserData.TypedKey<>("skyspy.topics");
    private static final UserData.TypedKey<SkySpyAircraftCodec> CODEC = new UserData.TypedKey<>("skyspy.codec");
    private static final String AIRCRAFT = "aircraft";

    private final AircraftFeed aircraft;
    private final SkySpyAircraftCodecs codecs;
    private final Map<String, SkySpyEventChannel> events = new LinkedHashMap<>();
    private final SkySpySessions sessions;
    private final SkySpyAircraftRequests requests;
    private final SkySpySafety safety;
    private final SkySpyAcarsRequests acars;
    private final SkySpyAirspaceRequests airspace;
    private final SkySpyAlertRequests alerts;

    SkySpyAllEndpoint(AircraftFeed aircraft, SkySpyAircraftCodecs codecs, SkySpyEventChannels channels,
            SkySpySessions sessions, SkySpyAircraftRequests requests, SkySpySafety safety, SkySpyAcarsRequests acars,
            SkySpyAirspaceRequests airspace, SkySpyAlertRequests alerts) {
        this.alerts = alerts;
        this.safety = safety;
        this.acars = acars;
        this.airspace = airspace;
        this.aircraft = aircraft;
        this.codecs = codecs;
        this.events.put("acars", channels.acars());
        this.events.put("notams", channels.notams());
        this.events.put("audio", channels.audio());
        this.events.put("airspace", channels.airspace());
        this.events.put("safety", channels.safety());
        this.events.put("alerts", channels.alerts());
        this.sessions = sessions;
        this.requests = requests;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection).ifPresent(session -> {
            Set<String> topics = new LinkedHashSet<>();
            connection.userData().put(TOPICS, topics);
            SkySpyAircraftCodec codec = codecs.forQuery(connection.handshakeRequest().query());
            connection.userData().put(CODEC, codec);
            synchronized (topics) {
                subscribe(session, codec, topics, allTopics(), SkySpyEventChannel.lastEventIds(connection));
            }
        });
    }

    @OnTextMessage
    Uni<String> message(String frame, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
        WebSocketSession session = connection.userData().get(WebSocketSession.KEY);
        Set<String> topics = connection.userData().get(TOPICS);
        JsonNode message = parse(frame);
        String action = message == null ? "" : message.path("action").asText("");
        if (session != null && (action.equals("subscribe") || action.equals("unsubscribe"))) {
            List<String> asked = new ArrayList<>();
            message.path("topics").forEach(topic -> asked.add(topic.asText()));
            List<String> wanted = asked.contains("all") ? allTopics() : asked;
            synchronized (topics) {
                if (action.equals("subscribe")) {
                    subscribe(session, connection.userData().get(CODEC), topics, wanted, List.of());
                } else {
                    unsubscribe(session, topics, wanted);
                }
                return Uni.createFrom().item(topicsReply(action + "d", topics));
            }
        }
        String tenant = SkySpySessions.tenantOf(connection);
        return SkySpyClientMessages.reply(frame, (type, requestId, params) -> switch (type) {
            case "active_events", "safety-event-detail" -> safety.answer(tenant, type, requestId, params);
            case "messages", "stats" -> acars.answer(tenant, type, requestId, params);
            case "advisories" -> airspace.answer(tenant, type, requestId, params);
            // Alerts are a private topic: their requests need the topic this connection was given.
            case "alerts", "alert-rules", "my-subscriptions", "acknowledge-alert", "acknowledge-all-alerts" ->
                    session != null && hasTopic(topics, "alerts")
                            ? alerts.answer(session.identity(), type, requestId, params)
                            : Uni.createFrom().item(SkySpyClientMessages.error(SkySpyAlertRequests.PERMISSION_DENIED,
                                    requestId));
            default -> requests.answer(tenant, type, requestId, params);
        });
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        SkySpySessions.heard(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        sessions.close(connection).ifPresent(session -> {
            Set<String> topics = connection.userData().get(TOPICS);
            synchronized (topics) {
                unsubscribe(session, topics, new ArrayList<>(topics));
            }
        });
    }

    private void subscribe(WebSocketSession session, SkySpyAircraftCodec codec, Set<String> topics,
            List<String> wanted, List<String> resumeIds) {
        for (String topic : wanted) {
            if (topics.contains(topic)) {
                continue;
            }
            if (topic.equals(AIRCRAFT)) {
                aircraft.subscribe(session, session.identity().tenant(), codec);
                topics.add(topic);
            } else if (events.containsKey(topic)
                    && (events.get(topic).isPublic() || !session.identity().isAnonymous())) {
                // An anonymous client of a hybrid deployment simply does not get the private topics.
                events.get(topic).subscribe(session, resumeIds);
                topics.add(topic);
            }
        }
    }

    private void unsubscribe(WebSocketSession session, Set<String> topics, List<String> unwanted) {
        for (String topic : unwanted) {
            if (!topics.remove(topic)) {
                continue;
            }
            if (topic.equals(AIRCRAFT)) {
                aircraft.unsubscribe(session);
            } else {
                events.get(topic).feed().unsubscribe(session);
            }
        }
    }

    private static boolean hasTopic(Set<String> topics, String topic) {
        synchronized (topics) {
            return topics.contains(topic);
        }
    }

    private List<String> allTopics() {
        List<String> all = new ArrayList<>();
        all.add(AIRCRAFT);
        all.addAll(events.keySet());
        return all;
    }

    private static String topicsReply(String type, Set<String> topics) {
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

    private static JsonNode parse(String frame) {
        try {
            JsonNode node = Json.mapper().readTree(frame);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
