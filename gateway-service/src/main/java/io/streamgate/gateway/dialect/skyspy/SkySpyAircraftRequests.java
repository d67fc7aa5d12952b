package io.streamgate.gateway.dialect.skyspy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.streamgate.gateway.aircraft.AircraftFeed;
import io.streamgate.platform.aviation.AircraftPosition;

/**
 * SkySpy's aircraft request types, answered from the gateway's live aircraft picture:
 * {@code aircraft}, {@code aircraft_list}, {@code aircraft-info}, {@code aircraft-info-bulk},
 * {@code aircraft-stats}.
 */
@ApplicationScoped
public class SkySpyAircraftRequests {

    static final String NOT_FOUND = "Aircraft not found";

    private final AircraftFeed feed;

    SkySpyAircraftRequests(AircraftFeed feed) {
        this.feed = feed;
    }

    /** The reply to one request; an unknown type or missing parameter is SkySpy's error message. */
    Uni<String> answer(String tenant, String type, String requestId, JsonNode params) {
        return switch (type) {
            case "aircraft" -> withIcao(params, requestId, icao -> query(tenant, all -> find(all, icao)))
                    .map(found -> found == null ? error(NOT_FOUND, requestId)
                            : response(requestId, type, json -> SkySpyJson.aircraft(json, found)));
            case "aircraft-info" -> withIcao(params, requestId, icao -> query(tenant, all -> find(all, icao)))
                    .map(found -> found == null ? error(NOT_FOUND, requestId)
                            : response(requestId, type, json -> info(json, found)));
            case "aircraft-info-bulk" -> bulk(tenant, requestId, params);
            case "aircraft_list" -> query(tenant, all -> filter(all, params)).map(list -> response(requestId, type,
                    json -> {
                        json.writeStartObject();
                        json.writeArrayFieldStart("aircraft");
                        for (AircraftPosition aircraft : list) {
                            SkySpyJson.aircraft(json, aircraft);
                        }
                        json.writeEndArray();
                        json.writeNumberField("count", list.size());
                        json.writeStringField("timestamp", SkySpyJson.timestamp(Instant.now()));
                        json.writeEndObject();
                    }));
            case "aircraft-stats" -> query(tenant, SkySpyAircraftRequests::stats)
                    .map(stats -> response(requestId, type, json -> stats.write(json)));
            default -> Uni.createFrom().item(error(SkySpyClientMessages.UNKNOWN_REQUEST_TYPE, requestId));
        };
    }

    private interface IcaoQuery {
        Uni<AircraftPosition> run(String icao);
    }

    private static Uni<AircraftPosition> withIcaoOrNull(JsonNode params, IcaoQuery query) {
        String icao = params.path("icao").asText("");
        return icao.isBlank() ? null : query.run(icao.toLowerCase(Locale.ROOT));
    }

    private Uni<AircraftPosition> withIcao(JsonNode params, String requestId, IcaoQuery query) {
        Uni<AircraftPosition> found = withIcaoOrNull(params, query);
        if (found == null) {
            throw new MissingParameter("icao");
        }
        return found;
    }

    private Uni<String> bulk(String tenant, String requestId, JsonNode params) {
        JsonNode icaos = params.path("icaos");
        if (!icaos.isArray() || icaos.isEmpty()) {
            throw new MissingParameter("icaos");
        }
        List<String> wanted = new ArrayList<>();
        icaos.forEach(icao -> wanted.add(icao.asText().toLowerCase(Locale.ROOT)));
        return query(tenant, all -> {
            Map<String, AircraftPosition> found = new TreeMap<>();
            for (String icao : wanted) {
                AircraftPosition aircraft = find(all, icao);
                if (aircraft != null) {
                    found.put(icao, aircraft);
                }
            }
            return found;
        }).map(found -> response(requestId, "aircraft-info-bulk", json -> {
            json.writeStartObject();
            for (Map.Entry<String, AircraftPosition> entry : found.entrySet()) {
                json.writeFieldName(entry.getKey());
                info(json, entry.getValue());
            }
            json.writeEndObject();
        }));
    }

    private <T> Uni<T> query(String tenant, Function<Collection<AircraftPosition>, T> query) {
        CompletionStage<T> result = feed.query(tenant, query);
        return Uni.createFrom().completionStage(result);
    }

    private static AircraftPosition find(Collection<AircraftPosition> all, String icao) {
        for (AircraftPosition aircraft : all) {
            if (aircraft.hex().equals(icao)) {
                return aircraft;
            }
        }
        return null;
    }

    private static List<AircraftPosition> filter(Collection<AircraftPosition> all, JsonNode params) {
        boolean militaryOnly = params.path("military_only").asBoolean(false);
        String category = params.path("category").asText(null);
        Integer min = params.hasNonNull("min_altitude") ? params.get("min_altitude").asInt() : null;
        Integer max = params.hasNonNull("max_altitude") ? params.get("max_altitude").asInt() : null;
        List<AircraftPosition> matching = new ArrayList<>();
        for (AircraftPosition aircraft : all) {
            int altitude = aircraft.onGround() || aircraft.altBaro() == null ? 0 : aircraft.altBaro();
            boolean altitudeKnown = aircraft.onGround() || aircraft.altBaro() != null;
            if ((militaryOnly && !aircraft.military())
                    || (category != null && !category.equalsIgnoreCase(aircraft.category()))
                    || (min != null && (!altitudeKnown || altitude < min))
                    || (max != null && (!altitudeKnown || altitude > max))) {
                continue;
            }
            matching.add(aircraft);
        }
        return matching;
    }

    private static void info(JsonGenerator json, AircraftPosition aircraft) throws IOException {
        json.writeStartObject();
        json.writeStringField("icao_hex", aircraft.hex());
        if (aircraft.registration() != null) {
            json.writeStringField("registration", aircraft.registration());
        }
        if (aircraft.typeCode() != null) {
            json.writeStringField("type_code", aircraft.typeCode());
        }
        if (aircraft.flight() != null) {
            json.writeStringField("callsign", aircraft.flight());
        }
        if (aircraft.category() != null) {
            json.writeStringField("category", aircraft.category());
        }
        json.writeBooleanField("is_military", aircraft.military());
        json.writeEndObject();
    }

    private record Stats(int total, int military, int onGround, int stale, Map<String, Integer> byCategory) {
        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeNumberField("total", total);
            json.writeNumberField("with_position", total);
            json.writeNumberField("military", military);
            json.writeNumberField("on_ground", onGround);
            json.writeNumberField("stale", stale);
            json.writeObjectFieldStart("by_category");
            for (Map.Entry<String, Integer> entry : byCategory.entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeStringField("timestamp", SkySpyJson.timestamp(Instant.now()));
            json.writeEndObject();
        }
    }

    private static Stats stats(Collection<AircraftPosition> all) {
        int military = 0;
        int onGround = 0;
        int stale = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        for (AircraftPosition aircraft : all) {
            military += aircraft.military() ? 1 : 0;
            onGround += aircraft.onGround() ? 1 : 0;
            stale += aircraft.stale() ? 1 : 0;
            byCategory.merge(aircraft.category() == null ? "unknown" : aircraft.category(), 1, Integer::sum);
        }
        return new Stats(all.size(), military, onGround, stale, byCategory);
    }

    static String response(String requestId, String type, SkySpyJson.Body data) {
        return SkySpyJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "response");
            if (requestId != null) {
                json.writeStringField("request_id", requestId);
            }
            json.writeStringField("request_type", type);
            json.writeFieldName("data");
            data.write(json);
            json.writeEndObject();
        });
    }

    static String error(String message, String requestId) {
        return SkySpyClientMessages.error(message, requestId);
    }

    /** A request without a parameter its type needs: SkySpy's "Missing parameter". */
    static final class MissingParameter extends RuntimeException {
        MissingParameter(String name) {
            super(name, null, false, false);
        }
    }
}
