package io.streamgate.gateway.dialect.skyspy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aviation.SafetyAcknowledgements;
import io.streamgate.gateway.aviation.SafetyAcknowledgements.Acknowledgement;
import io.streamgate.gateway.aviation.SafetyFeed;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;

/**
 * SkySpy's safety messages beyond the live {@code safety:event}: the {@code safety:snapshot} of active
 * events on connect, and the request types answered from them ({@code active_events} with
 * {@code event_type} / {@code severity} filters, {@code safety-event-detail} with {@code event_id},
 * {@code acknowledge} with {@code event_id}). Answers carry {@code acknowledged} as operators set it; the
 * live {@code safety:event} and the snapshot carry the detector's record as it is.
 */
@ApplicationScoped
public class SkySpySafety {

    static final String EVENT_NOT_FOUND = "Event not found";
    static final String PERMISSION_DENIED = "Permission denied";

    private final SafetyFeed feed;
    private final SafetyAcknowledgements acknowledgements;

    SkySpySafety(SafetyFeed feed, SafetyAcknowledgements acknowledgements) {
        this.feed = feed;
        this.acknowledgements = acknowledgements;
    }

    static String snapshot(List<SafetyEvent> active) {
        return SkySpyJson.message("safety:snapshot", json -> {
            json.writeStartObject();
            json.writeFieldName("events");
            json.writeRawValue(new String(Json.encode(active), StandardCharsets.UTF_8));
            json.writeNumberField("count", active.size());
            json.writeStringField("timestamp", SkySpyJson.timestamp(Instant.now()));
            json.writeEndObject();
        });
    }

    Uni<String> answer(Identity caller, String type, String requestId, JsonNode params) {
        String tenant = caller.tenant();
        return switch (type) {
            case "active_events" -> {
                String eventType = params.path("event_type").asText(null);
                String severity = params.path("severity").asText(null);
                yield Uni.createFrom().completionStage(feed.query(tenant, events -> events.stream()
                        .filter(e -> eventType == null || eventType.equals(e.eventType()))
                        .filter(e -> severity == null || severity.equals(e.severity())).toList()))
                        .flatMap(events -> withAcknowledgements(tenant, events))
                        .map(events -> SkySpyAircraftRequests.response(requestId, type,
                                json -> json.writeRawValue(new String(Json.encode(events),
                                        StandardCharsets.UTF_8))));
            }
            case "safety-event-detail" -> {
                if (!params.hasNonNull("event_id")) {
                    throw new SkySpyAircraftRequests.MissingParameter("event_id");
                }
                long id = params.get("event_id").asLong();
                yield Uni.createFrom().completionStage(feed.query(tenant, events -> events.stream()
                        .filter(e -> e.id() == id).toList()))
                        .flatMap(found -> withAcknowledgements(tenant, found))
                        .map(found -> found.isEmpty()
                                ? SkySpyClientMessages.error(EVENT_NOT_FOUND, requestId)
                                : SkySpyAircraftRequests.response(requestId, type, json -> json.writeRawValue(
                                        new String(Json.encode(found.get(0)), StandardCharsets.UTF_8))));
            }
            case "acknowledge" -> {
                if (!params.hasNonNull("event_id")) {
                    throw new SkySpyAircraftRequests.MissingParameter("event_id");
                }
                if (caller.isAnonymous()) {
                    yield Uni.createFrom().item(SkySpyClientMessages.error(PERMISSION_DENIED, requestId));
                }
                long id = params.get("event_id").asLong();
                // Only an episode the feed holds can be acknowledged: an id of another tenant is not found.
                yield Uni.createFrom().completionStage(feed.query(tenant, events -> events.stream()
                        .anyMatch(e -> e.id() == id)))
                        .flatMap(known -> !known
                                ? Uni.createFrom().item(SkySpyClientMessages.error(EVENT_NOT_FOUND, requestId))
                                : Uni.createFrom().completionStage(acknowledgements.acknowledge(tenant, id,
                                        caller.subject() == null ? "unknown" : caller.subject(), Instant.now()))
                                        .map(ack -> SkySpyAircraftRequests.response(requestId, type,
                                                json -> json.writeRawValue(new String(Json.encode(ack),
                                                        StandardCharsets.UTF_8)))));
            }
            default -> Uni.createFrom().item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE,
                    requestId));
        };
    }

    private Uni<List<SafetyEvent>> withAcknowledgements(String tenant, List<SafetyEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(events);
        }
        return Uni.createFrom().completionStage(acknowledgements.all(tenant)).map(acks -> events.stream()
                .map(e -> acks.containsKey(e.id()) ? acknowledged(e, acks) : e).toList());
    }

    private static SafetyEvent acknowledged(SafetyEvent e, Map<Long, Acknowledgement> acks) {
        return new SafetyEvent(e.id(), e.timestamp(), e.eventType(), e.severity(), e.icaoHex(), e.icaoHex2(),
                e.callsign(), e.callsign2(), e.message(), e.details(), e.firstSeen(), e.lastSeen(), e.active(), true);
    }
}
