package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aviation.AirspaceFeed;
import io.streamgate.gateway.engine.events.LiveEvent;
import io.streamgate.platform.json.Json;

/**
 * SkySpy's airspace request {@code advisories} (filters {@code hazard}, {@code advisory_type}): the
 * latest version of every advisory still valid, from the compacted {@code airspace.advisories} that
 * the feed reads from the start. The weather and chart requests ({@code metars}, {@code taf},
 * {@code pireps}, {@code sigmets} apart from advisories, {@code boundaries}, {@code airports},
 * {@code navaids}) need data StreamGate does not ingest and are answered as unknown.
 */
@ApplicationScoped
public class SkySpyAirspaceRequests {

    private final AirspaceFeed feed;

    SkySpyAirspaceRequests(AirspaceFeed feed) {
        this.feed = feed;
    }

    Uni<String> answer(String tenant, String type, String requestId, JsonNode params) {
        if (!type.equals("advisories")) {
            return Uni.createFrom().item(SkySpyClientMessages.error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE,
                    requestId));
        }
        String hazard = params.path("hazard").asText(null);
        String advisoryType = params.path("advisory_type").asText(null);
        return Uni.createFrom().completionStage(feed.recentEvents(tenant)).map(events -> {
            Instant now = Instant.now();
            Set<String> seen = new HashSet<>();
            List<String> active = new ArrayList<>();
            for (LiveEvent event : events) {
                JsonNode advisory = parse(event);
                String id = advisory.path("advisory_id").asText("");
                // Newest first: the first record of an advisory is its current version.
                if (id.isEmpty() || !seen.add(id) || expired(advisory, now)) {
                    continue;
                }
                if ((hazard == null || hazard.equalsIgnoreCase(advisory.path("hazard").asText("")))
                        && (advisoryType == null
                                || advisoryType.equalsIgnoreCase(advisory.path("advisory_type").asText("")))) {
                    active.add(SkySpyEventCodec.data(event, true));
                }
            }
            return SkySpyAircraftRequests.response(requestId, type, json -> {
                json.writeStartArray();
                for (String advisory : active) {
                    json.writeRawValue(advisory);
                }
                json.writeEndArray();
            });
        });
    }

    private static boolean expired(JsonNode advisory, Instant now) {
        String validTo = advisory.path("valid_to").asText(null);
        try {
            return validTo != null && Instant.parse(validTo).isBefore(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode parse(LiveEvent event) {
        try {
            return Json.mapper().readTree(event.data());
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
