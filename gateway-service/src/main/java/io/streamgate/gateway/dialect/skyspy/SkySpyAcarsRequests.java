package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aviation.AcarsFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's ACARS requests, answered from the messages the gateway holds in memory (the feed's resume
 * buffer, {@code streamgate.gateway.events.replay-buffer-events} of all tenants): {@code messages}
 * (filters {@code icao}, {@code callsign}, {@code label}, {@code source}, {@code frequency},
 * {@code hours}, {@code limit}) and {@code stats}. Older history is not held here, so {@code hours}
 * reaches back only as far as the buffer does. {@code labels} (reference data) is not held at all.
 */
@ApplicationScoped
public class SkySpyAcarsRequests {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AcarsFeed feed;

    SkySpyAcarsRequests(AcarsFeed feed) {
        this.feed = feed;
    }

    Uni<String> answer(String tenant, String type, String requestId, JsonNode params) {
        return switch (type) {
            case "messages" -> messages(tenant, requestId, params);
            case "stats" -> Uni.createFrom().completionStage(feed.recentEvents(tenant))
                    .map(events -> SkySpyAircraftRequests.response(requestId, type, json -> {
                        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
                        Map<String, Integer> byLabel = new TreeMap<>();
                        Map<String, Integer> bySource = new TreeMap<>();
                        int lastHour = 0;
                        Instant oldest = null;
                        for (LiveEvent event : events) {
                            JsonNode message = parse(event);
                            byLabel.merge(message.path("label").asText("unknown"), 1, Integer::sum);
                            bySource.merge(message.path("source").asText("unknown"), 1, Integer::sum);
                            if (event.envelope().time().isAfter(hourAgo)) {
                                lastHour++;
                            }
                            oldest = event.envelope().time();
                        }
                        json.writeStartObject();
                        json.writeNumberField("total_messages", events.size());
                        json.writeNumberField("last_hour", lastHour);
                        counts(json, "by_label", byLabel);
                        counts(json, "by_source", bySource);
                        json.writeStringField("since", oldest == null ? null : SkySpyJson.timestamp(oldest));
                        json.writeEndObject();
                    }));
            default -> Uni.createFrom().item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE,
                    requestId));
        };
    }

    private Uni<String> messages(String tenant, String requestId, JsonNode params) {
        String icao = params.path("icao").asText(null);
        String callsign = params.path("callsign").asText(null);
        String label = params.path("label").asText(null);
        String source = params.path("source").asText(null);
        String frequency = params.path("frequency").asText(null);
        Instant since = params.hasNonNull("hours")
                ? LookBack.since(Instant.now(), params.get("hours").asDouble()) : null;
        int limit = Math.max(1, Math.min(MAX_LIMIT, params.path("limit").asInt(DEFAULT_LIMIT)));
        return Uni.createFrom().completionStage(feed.recentEvents(tenant)).map(events -> {
            List<String> matching = new ArrayList<>();
            for (LiveEvent event : events) {
                if (matching.size() == limit || (since != null && event.envelope().time().isBefore(since))) {
                    break;
                }
                JsonNode m = parse(event);
                if (matches(m, "icao_hex", icao) && matches(m, "callsign", callsign) && matches(m, "label", label)
                        && matches(m, "source", source) && matches(m, "frequency", frequency)) {
                    matching.add(SkySpyEventCodec.data(event, true));
                }
            }
            return SkySpyAircraftRequests.response(requestId, "messages", json -> {
                json.writeStartArray();
                for (String message : matching) {
                    json.writeRawValue(message);
                }
                json.writeEndArray();
            });
        });
    }

    private static boolean matches(JsonNode message, String field, String wanted) {
        return wanted == null || wanted.equalsIgnoreCase(message.path(field).asText(""));
    }

    private static void counts(com.fasterxml.jackson.core.JsonGenerator json, String name, Map<String, Integer> counts)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
    }

    private static JsonNode parse(LiveEvent event) {
        try {
            return Json.mapper().readTree(event.data());
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
