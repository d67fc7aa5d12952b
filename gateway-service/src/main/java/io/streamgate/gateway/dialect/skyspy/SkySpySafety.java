package io.streamgate.gateway.dialect.skyspy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aviation.SafetyFeed;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;

/**
 * SkySpy's safety messages beyond the live {@code safety:event}: the {@code safety:snapshot} of active
 * events on connect, and the request types answered from them ({@code active_events} with
 * {@code event_type} / {@code severity} filters, {@code safety-event-detail} with {@code event_id}).
 */
@ApplicationScoped
public class SkySpySafety {

    private final SafetyFeed feed;

    SkySpySafety(SafetyFeed feed) {
        this.feed = feed;
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

    Uni<String> answer(String tenant, String type, String requestId, JsonNode params) {
        return switch (type) {
            case "active_events" -> {
                String eventType = params.path("event_type").asText(null);
                String severity = params.path("severity").asText(null);
                yield Uni.createFrom().completionStage(feed.query(tenant, events -> events.stream()
                        .filter(e -> eventType == null || eventType.equals(e.eventType()))
                        .filter(e -> severity == null || severity.equals(e.severity())).toList()))
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
                        .filter(e -> e.id() == id).findFirst().orElse(null)))
                        .map(event -> event == null
                                ? SkySpyClientMessages.error("Event not found", requestId)
                                : SkySpyAircraftRequests.response(requestId, type, json -> json.writeRawValue(
                                        new String(Json.encode(event), StandardCharsets.UTF_8))));
            }
            default -> Uni.createFrom().item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE,
                    requestId));
        };
    }
}
