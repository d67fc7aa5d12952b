package io.streamgate.platform.entities;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One change of one NGSI entity, as written to {@code entities.changes} (key {@code tenant/entityId}) and
 * as GeonicDB pushes it to WebSocket clients. The field names are GeonicDB's, so the gateway forwards the
 * payload without renaming.
 *
 * @param type              {@link #CREATED}, {@link #UPDATED} or {@link #DELETED}
 * @param tenant            the tenant ({@code Fiware-Service})
 * @param servicePath       the {@code Fiware-ServicePath} the entity lives under
 * @param entityId          the entity id
 * @param entityType        the entity type
 * @param data              created: every attribute; updated: the full attribute set after the change;
 *                          deleted: the attributes the entity had when it was deleted — in entity order
 * @param changedAttributes created: every attribute name (as GeonicDB's own example shows); updated: exactly
 *                          the names that were added, removed, or whose type or value changed (never empty:
 *                          an update that changes nothing is not announced); deleted: absent
 * @param timestamp         when the change was made, UTC
 */
public record EntityChange(
        @JsonProperty("type") String type,
        @JsonProperty("tenant") String tenant,
        @JsonProperty("servicePath") String servicePath,
        @JsonProperty("entityId") String entityId,
        @JsonProperty("entityType") String entityType,
        @JsonProperty("data") Map<String, NgsiAttribute> data,
        @JsonProperty("changedAttributes") List<String> changedAttributes,
        @JsonProperty("timestamp") Instant timestamp) {

    public static final String CREATED = "entityCreated";
    public static final String UPDATED = "entityUpdated";
    public static final String DELETED = "entityDeleted";

    private static final Set<String> TYPES = Set.of(CREATED, UPDATED, DELETED);

    public EntityChange {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown entity change type " + type);
        }
        if (tenant == null || entityId == null || entityType == null || servicePath == null || timestamp == null) {
            throw new IllegalArgumentException("an entity change needs tenant, servicePath, entityId, entityType "
                    + "and timestamp");
        }
        // Attribute order is the entity's order; Map.copyOf would scramble it.
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        changedAttributes = changedAttributes == null ? null : List.copyOf(changedAttributes);
    }

    public static EntityChange created(String tenant, String servicePath, String entityId, String entityType,
            Map<String, NgsiAttribute> attributes, Instant timestamp) {
        return new EntityChange(CREATED, tenant, servicePath, entityId, entityType, attributes,
                List.copyOf(attributes.keySet()), timestamp);
    }

    public static EntityChange updated(String tenant, String servicePath, String entityId, String entityType,
            Map<String, NgsiAttribute> attributes, List<String> changedAttributes, Instant timestamp) {
        if (changedAttributes.isEmpty()) {
            throw new IllegalArgumentException("an update that changes nothing is not an entity change");
        }
        return new EntityChange(UPDATED, tenant, servicePath, entityId, entityType, attributes, changedAttributes,
                timestamp);
    }

    public static EntityChange deleted(String tenant, String servicePath, String entityId, String entityType,
            Map<String, NgsiAttribute> lastAttributes, Instant timestamp) {
        return new EntityChange(DELETED, tenant, servicePath, entityId, entityType, lastAttributes, null, timestamp);
    }
}
