package io.streamgate.ingest.entities;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.entities.NgsiAttribute;

/**
 * An entity's current state, as kept in Redis (JSON under {@link EntityKeys#entity}).
 *
 * @param attributes in entity order: creation order, new attributes appended
 * @param createdAt  orders list results, as NGSI brokers do
 */
@RegisterForReflection
public record StoredEntity(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("attrs") Map<String, NgsiAttribute> attributes,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("modifiedAt") Instant modifiedAt) {

    public StoredEntity {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    StoredEntity withAttributes(Map<String, NgsiAttribute> newAttributes, Instant when) {
        return new StoredEntity(id, type, newAttributes, createdAt, when);
    }
}
