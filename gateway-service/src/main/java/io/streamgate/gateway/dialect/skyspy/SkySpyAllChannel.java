package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.gateway.dialect.Conversation;
import io.streamgate.gateway.dialect.Handshake;
import io.streamgate.gateway.engine.Session;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's combined feed {@code /ws/all/}: every topic on one connection. A client starts subscribed to
 * all of them and narrows or widens with {@code unsubscribe} / {@code subscribe}; {@code subscribed}
 * lists the topics it now has. Resume each event topic with its own {@code ?last_event_id=} (repeat
 * the parameter, one id per topic).
 */
@ApplicationScoped
class SkySpyAllChannel {

    private static final String AIRCRAFT = "aircraft";

    private final AircraftFeed aircraft;
    private final SkySpyAircraftCodecs codecs;
    private final Map<String, SkySpyEventChannel> events = new LinkedHashMap<>();
    private final SkySpyAircraftRequests requests;
    private final SkySpySafety safety;
    private final SkySpyAcarsRequests acars;
    private final SkySpyAirspaceRequests airspace;
    private final SkySpyAlertRequests alerts;

    SkySpyAllChannel(AircraftFeed aircraft, SkySpyAircraftCodecs codecs, SkySpyEventChannels channels,
            SkySpyAircraftRequests requests, SkySpySafety safety, SkySpyAcarsRequests acars,
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
        this.requests = requests;
    }

    Conversation open(Session session, Handshake handshake) {
        return new AllTopics(session, codecs.forMode(handshake.query("mode")), handshake.queryAll("last_event_id"));
    }

    /** One connection's topics; touched only by its conversation, one message at a time. */
    private final class AllTopics implements Conversation {

        private final Session session;
        private final SkySpyAircraftCodec codec;
        private final Set<String> topics = new LinkedHashSet<>();

        AllTopics(Session session, SkySpyAircraftCodec codec, List<String> resumeIds) {
            this.session = session;
            this.codec = codec;
            subscribe(session, codec, topics, allTopics(), resumeIds);
        }

        @Override
        public Uni<String> text(String frame) {
            JsonNode message = parse(frame);
            String action = message == null ? "" : message.path("action").asText("");
            if (action.equals("subscribe") || action.equals("unsubscribe")) {
                List<String> asked = new ArrayList<>();
                message.path("topics").forEach(topic -> asked.add(topic.asText()));
                List<String> wanted = asked.contains("all") ? allTopics() : asked;
                if (action.equals("subscribe")) {
                    subscribe(session, codec, topics, wanted, List.of());
                } else {
                    unsubscribe(session, topics, wanted);
                }
                return Uni.createFrom().item(SkySpyJson.listMessage(action + "d", "topics", topics));
            }
            String tenant = session.identity().tenant();
            return SkySpyClientMessages.reply(frame, (type, requestId, params) -> switch (type) {
                case "active_events", "safety-event-detail", "acknowledge" ->
                        safety.answer(session.identity(), type, requestId, params);
                case "messages", "stats" -> acars.answer(tenant, type, requestId, params);
                case "advisories" -> airspace.answer(tenant, type, requestId, params);
                // Alerts are a private topic: their requests need the topic this connection was given.
                case "alerts", "alert-rules", "my-subscriptions", "acknowledge-alert", "acknowledge-all-alerts" ->
                        topics.contains("alerts") ? alerts.answer(session.identity(), type, requestId, params)
                                : Uni.createFrom().item(SkySpyClientMessages.error(
                                        SkySpyAlertRequests.PERMISSION_DENIED, requestId));
                default -> requests.answer(tenant, type, requestId, params);
            });
        }

        @Override
        public void closed() {
            unsubscribe(session, topics, new ArrayList<>(topics));
        }
    }

    private void subscribe(Session session, SkySpyAircraftCodec codec, Set<String> topics,
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
                events.get(topic).subscribe(session, resumeIds, false);
                topics.add(topic);
            }
        }
    }

    private void unsubscribe(Session session, Set<String> topics, List<String> unwanted) {
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

    private List<String> allTopics() {
        List<String> all = new ArrayList<>();
        all.add(AIRCRAFT);
        all.addAll(events.keySet());
        return all;
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
