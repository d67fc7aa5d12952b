package io.streamgate.gateway.dialect.geonicdb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.events.EventFilter;

/**
 * Builds a session's filter from what the client sent: a {@code subscribe} message on the WebSocket,
 * the query of an SSE request. Malformed input is refused with a message that says what is wrong.
 */
@ApplicationScoped
class EntityFilters {

    /** The most entity types one filter may name: a filter is tested per event, so it stays small. */
    static final int MAX_TYPES = 100;

    private final GeonicDbConfig config;
    private final Counter exhausted;

    EntityFilters(GeonicDbConfig config, MeterRegistry registry) {
        this.config = config;
        this.exhausted = Counter.builder("streamgate.gateway.geonicdb.id.pattern.exhausted")
                .description("idPattern matches given up (counted as no match) for exceeding the match budget")
                .register(registry);
    }

    /** {@code {"action":"subscribe","entityTypes":[…],"idPattern":"…"}}; absent fields select everything. */
    EventFilter fromSubscribe(JsonNode message) throws FilterRefused {
        JsonNode types = message.path("entityTypes");
        Set<String> entityTypes = new LinkedHashSet<>();
        if (!types.isMissingNode() && !types.isNull()) {
            if (!types.isArray()) {
                throw new FilterRefused("entityTypes must be an array of strings");
            }
            for (JsonNode type : types) {
                if (!type.isTextual()) {
                    throw new FilterRefused("entityTypes must be an array of strings");
                }
                entityTypes.add(type.asText());
            }
        }
        JsonNode pattern = message.path("idPattern");
        if (!pattern.isMissingNode() && !pattern.isNull() && !pattern.isTextual()) {
            throw new FilterRefused("idPattern must be a string (a regular expression)");
        }
        return filter(entityTypes, pattern.isTextual() ? pattern.asText() : null);
    }

    /** An SSE request's {@code entityTypes} (comma-separated, may repeat) and {@code idPattern}. */
    EventFilter fromQuery(List<String> typeParameters, String idPattern) throws FilterRefused {
        Set<String> entityTypes = new LinkedHashSet<>();
        for (String parameter : typeParameters) {
            for (String type : parameter.split(",")) {
                if (!type.isBlank()) {
                    entityTypes.add(type.strip());
                }
            }
        }
        return filter(entityTypes, idPattern);
    }

    private EventFilter filter(Set<String> entityTypes, String idPattern) throws FilterRefused {
        if (entityTypes.size() > MAX_TYPES) {
            throw new FilterRefused("entityTypes names " + entityTypes.size() + " types; at most " + MAX_TYPES
                    + " are accepted");
        }
        IdPattern pattern = idPattern == null || idPattern.isEmpty() ? null
                : IdPattern.compile(idPattern, config.idPattern().maxLength(), config.idPattern().matchBudget(),
                        exhausted);
        return EntityFilter.of(entityTypes, pattern);
    }
}
