package io.streamgate.ingest.entities;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.runtime.configuration.MemorySize;
import io.streamgate.platform.json.Json;
import io.streamgate.service.problem.MalformedJsonException;

/** What every NGSI v2 endpoint checks of a request before reading it: options, media type, size, JSON. */
final class NgsiRequests {

    /** Duplicate attribute names would otherwise silently keep the last one. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private NgsiRequests() {
    }

    /** The options the request named, refusing any this endpoint does not implement rather than ignoring it. */
    static Set<String> options(String raw, Set<String> supported) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<String> named = Arrays.stream(raw.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .collect(Collectors.toSet());
        List<String> unsupported = named.stream().filter(o -> !supported.contains(o)).sorted().toList();
        if (!unsupported.isEmpty()) {
            throw NgsiProblemException.badRequest("unsupported options " + unsupported + "; this endpoint supports "
                    + (supported.isEmpty() ? "none" : supported.stream().sorted().toList()));
        }
        return named;
    }

    static JsonNode readJson(String contentType, byte[] body, MemorySize maxBody) {
        long max = maxBody.asLongValue();
        if (body != null && body.length > max) {
            throw NgsiProblemException.tooLarge("the body has " + body.length + " bytes; at most " + max
                    + " are accepted");
        }
        if (!isJson(contentType)) {
            throw NgsiProblemException.unsupportedMediaType("the body must be application/json");
        }
        if (body == null || body.length == 0) {
            throw new MalformedJsonException("the body is empty");
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
